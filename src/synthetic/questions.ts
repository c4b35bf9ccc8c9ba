import type { Attribute, AttributeType } from '../library/schema.js';
import { enumMention, humanize } from './values.js';

/** How agents ask for the attributes of the demo library, beyond the library's own question. */
const BY_NAME: Record<string, readonly string[]> = {
  orderNumber: [
    "Could I get your order number? You'll find it in your confirmation email.",
    'Do you have the order number handy?',
    'What is the order number, please?',
    'Can you send me the order number so I can pull it up?',
  ],
  email: [
    'Can I have the email address on the account?',
    'Could you confirm your email address for me?',
    'What email did you use when you signed up?',
  ],
  phone: ["What's the best phone number on the account?", 'Can you confirm the phone number on file?'],
  deviceType: ['Which device is this about?', 'What kind of device are we talking about?', 'Is this a phone, a laptop, a TV or something else?'],
  serialNumber: [
    'Could you read me the serial number? It should be on a sticker on the back or bottom.',
    'Do you have the serial number of the device?',
    "Can you find the serial number for me? It's under Settings > About, or on the box.",
  ],
  errorCode: ['Which error code do you see exactly?', 'What does the error code on the screen say?', 'Can you tell me the exact code it shows?'],
  purchaseDate: ['Roughly when did you buy it?', 'Do you remember when you purchased it?', 'When was it purchased?'],
  deliveryDate: ['What day did it arrive?', 'When did you receive the package?'],
  returnAuthorization: ['Can you give me the RMA number from your return label?', "What's the return number on your label?"],
  invoiceNumber: ['Which invoice number is it?'],
  cardLast4: ['Which card was it? Just the last four digits, please.', 'Could you give me the last 4 digits of the card?'],
  chargeDate: ['When did the charge go through?', 'What date does the charge show on your statement?'],
  chargeAmount: ['What was the amount charged?', 'How much did they take, exactly?'],
  paymentMethod: ['How did you pay: card, PayPal or something else?', 'What payment method was it?'],
  missingItem: ['What exactly is missing from the box?', "Which part of the order didn't arrive?"],
  damageDescription: ['What does the damage look like?', 'Could you tell me what exactly is damaged?'],
  exchangeFor: ['What would you like instead?', 'Which model, size or color would you like to swap it for?'],
  deviceModel: ['Do you know the model name?', 'Which model do you have?'],
  setupStep: ['At which step does it go wrong?', 'How far did you get in the setup?'],
  issueDescription: ["Can you describe what's wrong with it?", 'What problem are you seeing with the device?'],
  competitorName: ['Which store has the lower price?', 'Where did you find it cheaper?'],
  lowerPrice: ["What's the price they're offering?", 'How much is it there?'],
  returnReason: ["Why are you sending it back, if you don't mind me asking?", 'Can I ask why you want to return it?'],
  cancelReason: ['Can I ask what made you want to cancel?'],
  newDeliveryAddress: ['Where should we send it instead?', "What's the new delivery address?"],
  preferredDeliveryDate: ['What day suits you better?', 'When would you like it delivered?'],
  returnShippedDate: ['When did you ship the return?', 'What day did you drop off the return?'],
  triedOtherPower: ['Have you tried another charger or outlet yet?', 'Did you try plugging it into a different outlet?'],
  photosAvailable: ['Could you send us a couple of photos of the damage?', 'Do you have pictures of the damage and the packaging?'],
  plan: ['Which plan do you have at the moment?', 'Which plan are you on right now?'],
  newPlan: ['Which plan are you thinking of?', 'Which plan do you want to move to?'],
  detailToUpdate: ['What would you like to change on the account?', 'Which detail needs updating?'],
  newValue: ['And what should the new one be?', 'What would you like it changed to?'],
  closeReason: ['Is there a reason you want to close it?', 'May I ask what made you decide to close the account?'],
  leaveReason: ['Is there anything that made you want to leave?', 'Can I ask why you want to cancel?'],
  itemOpened: ['Is the item still sealed, or has it been opened?', 'Have you opened or used it?'],
  batterySwollen: ['Is the battery swelling, or is the case bulging at all?'],
  businessInvoice: ['Should the invoice be in a company name?', 'Is this for a business?'],
  updateScope: ['Is this for your saved cards, your subscription, or a pending order?'],
  signInChannel: ['Where are you trying to sign in: website, app or a device?'],
  billingPeriod: ['Monthly or yearly billing?'],
  confirmDataDeletion: ['Just to confirm: closing the account deletes your order history and backups. Is that alright?'],
  softwareVersion: ['Which software version is it on right now?'],
  declineMessage: ['What does the message say when it fails?', 'Is there any error message when it declines?'],
};

function byType(type: AttributeType, label: string, attribute: Attribute): string[] {
  switch (type) {
    case 'identifier':
      return [`What's the ${label}?`, `Could you give me the ${label}, please?`, `Do you have the ${label} handy?`];
    case 'date':
      return [`What's the ${label}?`, `Do you know the ${label}, even roughly?`];
    case 'time':
      return [`What time suits you for the ${label}?`, `At what time?`];
    case 'email':
      return ['What email address is the account under?'];
    case 'phone':
      return ['What phone number can we reach you on?'];
    case 'enum': {
      const values = (attribute.values ?? []).map((value) => enumMention(attribute, value));
      const choices = values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : (values[0] ?? label);
      return [`Which ${label} is it: ${choices}?`];
    }
    case 'boolean':
      return [];
    case 'number':
      return [`What's the ${label}?`];
    case 'text':
      return [`Could you tell me the ${label}?`];
  }
}

/** Every wording an agent or the bot may use to ask for `attribute`; the library's own question comes first. */
export function questionPhrasings(attribute: Attribute): string[] {
  const lowered = attribute.question.charAt(0).toLowerCase() + attribute.question.slice(1);
  const phrasings = [
    attribute.question,
    `Just to check, ${lowered}`,
    ...(BY_NAME[attribute.name] ?? byType(attribute.type, humanize(attribute.name), attribute)),
  ];
  return [...new Set(phrasings)];
}
