/**
 * What agents say when they resolve a demo intent. `{attribute}` placeholders are filled with the value the customer
 * gave (a line is only used when all of its attributes are known); `{rma}` and `{invoice}` are fresh reference numbers.
 */
export const RESOLUTIONS: Record<string, readonly string[]> = {
  'order-status': [
    "I've found order {orderNumber}. It shipped yesterday with ParcelGo and should arrive by Thursday; the tracking link is in your email.",
    "Your order is packed and leaves our warehouse today. You'll get the tracking number by email tonight.",
    "The carrier had a delay at their hub. I've opened a trace, and you'll hear from us within 2 business days.",
    "Good news, it's out for delivery today. You can follow it live from the link in your confirmation email.",
  ],
  'change-delivery': [
    "Done, I've updated the delivery details on {orderNumber}. You'll get a confirmation email in a few minutes.",
    "The order hasn't shipped yet, so I've changed it. The delivery date stays the same.",
    "It has already left the warehouse, so I've asked the carrier to redirect it. They'll text you the new delivery day.",
    "I've rescheduled the delivery for {preferredDeliveryDate}. The carrier will text you a time window that morning.",
  ],
  'missing-item': [
    "I'm sorry about that. The {missingItem} shipped in a separate package and should arrive tomorrow.",
    "I've sent out the missing {missingItem} at no charge; it should be with you in 2-3 business days.",
    'Your order shipped in two boxes and the second one is still on the way. The tracking link is in your email.',
    "I've arranged a replacement for the missing item; it ships today at no cost to you.",
  ],
  'cancel-order': [
    "I've cancelled order {orderNumber}. The refund goes back to your original payment method in 3-5 business days.",
    "Done, the order is cancelled. You'll get a confirmation email shortly.",
    "The order has already shipped so I can't cancel it, but you can refuse the delivery or return it for free within 30 days.",
  ],
  'start-return': [
    "I've created the return and emailed you a prepaid label. Your return number is {rma}.",
    "Your return is set up as {rma}. Drop the item at any Brightline store or carrier point within 14 days; the refund is issued once it's checked in.",
    "You're within the 30-day window, so that's no problem. I've emailed you the label and instructions.",
  ],
  'refund-status': [
    'I can see return {returnAuthorization} was checked in on Monday. The refund was issued today and should show on your statement in 3-5 business days.',
    'Your refund was processed two days ago. Banks can take up to 10 business days to show it.',
    "The return hasn't been checked in yet; the warehouse is a few days behind. I've flagged it so the refund goes out as soon as it's scanned.",
  ],
  'exchange-item': [
    "I've set up the exchange. The new item ships as soon as the carrier scans your return, and the label is in your email.",
    "Done, the exchange is booked. Since it's the same price, there's nothing extra to pay.",
    "I've booked the exchange for {exchangeFor}; any price difference is charged when it ships.",
  ],
  'damaged-on-arrival': [
    "I'm really sorry it arrived like that. I've sent a replacement and a prepaid label to return the damaged one.",
    'A replacement ships today, and the carrier will collect the damaged unit when they deliver the new one.',
    "I've logged the damage with the carrier and arranged a full refund; you'll get a return label by email.",
  ],
  'device-error-code': [
    '{errorCode} usually means the device lost its connection to our servers. Unplug it for 60 seconds, plug it back in and check for updates.',
    "That code points to a hardware fault, so I've opened a repair under your warranty. You'll get shipping instructions by email.",
    "Try a reset: hold the power button for 15 seconds, then restart. If {errorCode} comes back, reply here and we'll book a repair.",
  ],
  'device-wont-power-on': [
    "Let's try a hard reset: unplug it, hold the power button for 30 seconds, then plug it back in and turn it on.",
    "Since it still won't start after a reset, I've booked a repair. You'll get a prepaid shipping box within 2 days.",
    'Leave it on the original charger for 30 minutes, then hold the power button for 20 seconds. That fixes most of these cases.',
  ],
  'device-setup': [
    "I've sent you our step-by-step setup guide for the {deviceModel}. The key step is to connect to your 2.4 GHz wifi network first.",
    'Open the Brightline Home app, tap Add device, and hold the pairing button until the light blinks blue. It should show up within a minute.',
    'You can also book a free remote setup session with one of our technicians at support.brightline.example.',
  ],
  'software-update-problem': [
    "Let's restart the update: hold power for 20 seconds, then go to Settings > System > Update and try again on a stable connection.",
    "There's a known issue with that update and a fix is rolling out this week. Until then, a restart clears the problem for most people.",
    "I've sent you the recovery steps for your {deviceType}. If it still won't finish, we'll repair it under warranty.",
  ],
  'battery-problem': [
    "Let's check a few settings first: turn on battery saver and look at which apps use the most power under Settings > Battery.",
    "Your battery health is below 80% and the device is within warranty, so I've booked a free battery replacement.",
    "Try a different charger and cable first. If it still drains that fast, we'll replace the battery under warranty.",
  ],
  'warranty-claim': [
    "Your device is covered, so I've opened a warranty claim. You'll get a prepaid shipping label and your claim number by email.",
    "I've checked serial {serialNumber} and it's covered. A technician will visit; you'll get a text with the time slot.",
    'The claim is approved. A replacement ships today and you can send the faulty one back in the same box.',
  ],
  'warranty-coverage-check': [
    'Serial {serialNumber} is covered by the standard warranty until next March.',
    "The standard warranty has ended, but you're still within the protection plan, which runs for another 14 months.",
    "The warranty covers defects but not accidental damage such as drops or spills; for those you'd need a protection plan.",
  ],
  'buy-protection-plan': [
    "You can still add a plan since it's within 60 days of purchase. I've emailed you a link to add the 2-year or 3-year plan.",
    "The 2-year plan for a {deviceType} is $79 and the 3-year plan is $119, both covering drops and spills. I've sent you the link.",
    "I've added the protection plan to your account; the confirmation is in your email.",
  ],
  'payment-declined': [
    'Please double-check that the billing address matches your card statement exactly, then try again.',
    "Your bank declined it on their side, so it's best to call them or try another payment method such as PayPal.",
    "The pending amount from the failed attempt drops off within 3-5 days; you haven't been charged.",
  ],
  'duplicate-charge': [
    'I can see two charges; one of them is a pending authorization that drops off within 3-5 business days.',
    "You were indeed charged twice. I've refunded the duplicate and it'll show on your statement in 3-5 business days.",
    "I've refunded the extra charge on order {orderNumber}. You'll get a confirmation email with the refund reference.",
  ],
  'update-payment-method': [
    'For your security we never take card details in chat. You can update it under Account > Wallet; it only takes a minute.',
    'You can change the card for your membership under Plus > Billing. The new card is used from the next renewal.',
    "I've removed the old card from your account. You can add a new one any time under Account > Wallet.",
  ],
  'request-invoice': [
    "I've emailed the invoice for {orderNumber}. You can also download it any time under Orders > Details.",
    "I've reissued the invoice with your company details as {invoice}; it's in your inbox.",
    "You can download the PDF invoice from your order page; I've also sent a copy to your email.",
  ],
  'price-match': [
    "I've checked the listing and it qualifies, so I've refunded the difference to your original payment method.",
    "Since our own price dropped within 14 days of your purchase, I've refunded the difference. It'll show in 3-5 days.",
    "Unfortunately that offer is from a marketplace seller, which our price-match policy doesn't cover.",
  ],
  'account-locked': [
    "I've sent a verification code to the phone number on file. Once you enter it, you can set a new password.",
    "I've unlocked your account. Please reset your password with the link I just emailed to {email}.",
    'The account was locked after too many attempts; it unlocks by itself in 30 minutes, or you can use the reset link I sent.',
  ],
  'update-account-details': [
    "Done, I've updated that for you. You'll get a confirmation email shortly.",
    "I've sent a confirmation link to both the old and the new address; the change takes effect once you click it.",
    'You can change that yourself under Account > Profile; it applies right away.',
  ],
  'close-account': [
    "I've submitted the request to close your account. It completes within 30 days, and you'll get a confirmation email.",
    "Before I close it, I've sent you a download link for your data. The account is closed once you confirm by email.",
  ],
  'cancel-subscription': [
    "I've cancelled your Brightline Plus membership. You keep the benefits until the end of the current billing period.",
    'Auto-renewal is now off. Your backups stay available for 30 days after the membership ends.',
    "Done, your {plan} subscription is cancelled and you won't be charged again. A confirmation is on its way.",
  ],
  'subscription-renewal-charge': [
    "That's your annual Brightline Plus renewal. Since it's within 14 days and you haven't used the benefits, I've refunded it in full.",
    "That's the monthly Plus fee. I can't refund a past month, but I've turned off auto-renewal so it won't happen again.",
    "It looks like the cancellation didn't go through. I've cancelled it now and refunded the last charge.",
  ],
  'change-subscription-plan': [
    "I've switched you to {newPlan}. The change applies right away and the difference is prorated on your next bill.",
    'Your plan changes at the next renewal; until then you keep your current benefits.',
    "Done, you're now on annual billing, which saves you two months a year.",
  ],
};

/** For intents without lines of their own. */
export const GENERIC_RESOLUTIONS = [
  "Thanks, I have everything I need. I've taken care of it and you'll get a confirmation by email.",
  "I've looked into it and sorted it out on my side.",
  "I've passed this to the right team with all the details; they'll follow up by email within one business day.",
];

/** When the agent cannot solve it in the conversation. */
export const ESCALATIONS = [
  "I'm going to pass this to our specialist team; they'll contact you by email within 24 hours.",
  "I've opened a ticket for this and a supervisor will call you back tomorrow.",
];
