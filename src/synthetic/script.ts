/**
 * The scripted lines around the intent: greetings, small talk, acknowledgements, closings and off-topic requests.
 * `{brand}`, `{agent}` and `{groups}` are filled per conversation.
 */

/** Questions agents and the bot ask that are not about an attribute. Every such line ends with one of these. */
export const SMALL_TALK_QUESTIONS = [
  'How can I help?',
  'How can I help you today?',
  'What can I do for you today?',
  'What can I help you with today?',
  'How may I help you?',
  "What's going on?",
  'Can you tell me a bit more?',
  'What seems to be the problem?',
  'What is it about?',
  'Are you still there?',
  'How is your day going so far?',
  'Is there anything else I can help you with?',
  'Anything else I can do for you?',
  'Did that answer your question?',
  'Can you tell me briefly what it is about?',
  'Could you rephrase that?',
  'Did you have a question for us?',
  'Anything I can help you with today?',
] as const;

export const BOT_GREETINGS = [
  "Hi! I'm the {brand} virtual assistant. What can I help you with today?",
  'Welcome to {brand}. I can help with {groups} and more. How can I help?',
  "Hello, you're chatting with the {brand} assistant. How may I help you?",
];

export const BOT_HANDOFFS = [
  "Thanks. I'm connecting you with a member of our team, it won't be long.",
  "I'll transfer you to an agent who can help with that. Please stay in this chat.",
  'Connecting you to a representative now...',
];

export const BOT_UNDERSTOOD = ['I can help with that: {intent}.', 'It sounds like this is about: {intent}.', 'Got it, {intent}.'];
export const BOT_RESOLUTION_INTROS = ["Here's what I found. ", 'Thanks! ', ''];
export const BOT_CHECK = ['Did that answer your question?'];
export const BOT_GOODBYES = ['Great! Thanks for contacting {brand}. Have a nice day.', 'Glad I could help. Goodbye!'];
export const BOT_ASK_TOPIC = ['Sure, I can get you to an agent. Can you tell me briefly what it is about?'];
export const BOT_NOT_UNDERSTOOD = [
  "Sorry, I didn't quite get that. I can help with {groups}. Could you rephrase that?",
  "I'm not sure I can help with that here. I know about {groups}. Could you rephrase that?",
];

export const AGENT_GREETINGS = [
  'Hi, thanks for contacting {brand}, my name is {agent}. How can I help?',
  "Hello! You're chatting with {agent}. What can I do for you today?",
  'Hi there, {agent} here. How can I help you today?',
  'Good day, this is {agent}. How may I help you?',
];

export const AGENT_HANDOFF_GREETINGS = [
  "Hi, this is {agent}. Thanks for waiting, I've read your message.",
  "Hello, {agent} here. I can see what you've told our assistant so far.",
  "Hi! I'm {agent} and I'll take it from here.",
];

export const AGENT_REPLIES_TO_HELLO = ['Hi! What can I do for you today?', 'Hello! How can I help you today?', 'Hi there. What can I help you with today?'];
export const AGENT_REPLIES_TO_VAGUE = ["Sure. What's going on?", 'Of course. Can you tell me a bit more?', 'Happy to help. What seems to be the problem?', "I'd be glad to help. What is it about?"];

export const CUSTOMER_HELLOS = ['hi', 'hello', 'hey', 'Hi there', 'good morning', 'hello?', 'hi, is anyone there', 'Hello, I need help'];
export const CUSTOMER_VAGUE = [
  'I need some help',
  'I have a problem',
  'hi I have a question',
  'can someone help me',
  'I need help with something I bought from you',
  'I have a question about {group}',
  "it's about {group}",
  'hi, I have an issue and I am not sure who to ask',
];
export const CUSTOMER_WANTS_AGENT = ['agent', 'talk to a human', 'representative please', 'can I speak to a real person'];

/** Said before the first question of an intent. */
export const EMPATHY = ['I can help with that. ', 'Sure, I can look into that. ', 'Let me help you with that. ', 'Happy to help. ', 'Of course. ', '', ''];
/** Said before a later question. */
export const ACKNOWLEDGEMENTS = ['Thanks. ', 'Got it, thanks. ', 'Perfect, thank you. ', 'Okay. ', 'Thank you! ', 'Great. ', '', ''];

export const CUSTOMER_DONT_KNOW = ["I don't have it handy", 'not sure, sorry', "I can't find it right now", 'no idea tbh', "I'd have to look, is it needed?"];
export const AGENT_AFTER_DONT_KNOW = ["No problem, we can do without it.", "That's okay, I can look it up another way.", 'No worries.'];
export const CUSTOMER_HOLD_ON = ['one sec', 'hold on let me check', 'let me look', 'give me a minute, finding it'];

export const AGENT_FILLERS = [
  'One moment while I check.',
  'Give me a minute to look into this.',
  'Thanks for your patience, I am checking now.',
  'Let me pull that up.',
  'Bear with me a moment.',
];

/** Small talk in the middle of a conversation: who starts, and the reply. */
export const SMALL_TALK: ReadonlyArray<readonly [starter: 'customer' | 'agent', first: string, reply: string]> = [
  ['customer', "sorry, I'm typing on my phone", 'No problem at all, take your time.'],
  ['customer', "It's been a long week honestly", "I hear you! Let's get this sorted for you."],
  ['customer', 'thanks for being so quick', 'Of course, happy to help.'],
  ['customer', 'are you a real person?', "Yes, I'm a real person on the support team."],
  ['customer', 'hang on, my dog is barking lol', "Ha, no worries, I'll wait."],
  ['customer', 'sorry for the wait, had to find my glasses', 'No worries at all.'],
  ['customer', 'is the weather as bad there as it is here?', "It's pretty gray here too! Let's get you sorted."],
  ['agent', 'Are you still there?', 'yes sorry, still here'],
  ['agent', 'How is your day going so far?', 'not bad, better once this is fixed haha'],
];

export const CUSTOMER_REACTIONS = [
  'great, thanks!', 'ok perfect', 'thank you so much', "that's all I needed", 'hmm ok', 'ok, will try that', 'thx', 'awesome',
  'ok fine', 'Perfect, thanks for your help', 'oh good, thank you', 'alright', 'Thanks, that helps a lot',
];
export const CUSTOMER_UNHAPPY = ["that didn't really help", 'hmm that does not answer my question', 'no, I still need help'];

export const ANYTHING_ELSE = ['Is there anything else I can help you with?', 'Anything else I can do for you?'];
export const CUSTOMER_NOTHING_ELSE = ["no that's it", 'nope, thanks', 'No, that was all. Thank you!', "that's everything", 'no thanks, bye'];
/** Lead-ins to a second request the customer raises unprompted, and in answer to "anything else?". */
export const SECOND_INTENT_LEADS = ['Also, ', 'Oh and one more thing: ', 'While I have you, ', 'Another question: ', 'One more thing. '];
export const SECOND_INTENT_WHEN_ASKED = ['yes actually, ', 'Yes, one more thing. ', 'Actually yes. ', ''];
export const AGENT_GOODBYES = ['Thanks for contacting {brand}. Have a great day!', 'Thank you for your patience today. Goodbye!', 'Take care, and have a good day.'];
/** Goodbyes that answer the customer's thanks. */
export const AGENT_GOODBYES_TO_THANKS = ["You're welcome! Take care.", 'Glad I could help. Have a good one!', 'My pleasure. Have a great day!'];
export const CUSTOMER_GOODBYES = ['bye', 'you too', 'thanks, bye!', 'cheers'];

/** Requests no intent of the library covers, with the agent's answer. */
export const OFF_TOPIC: ReadonlyArray<readonly [request: string, answer: string]> = [
  ["Are you hiring? I'd like to apply for a job at one of your stores", 'Thanks for your interest! All our openings are listed on the careers page of our website.'],
  ['What time does the store on Main Street close on Sunday?', "Opening hours are on each store's page of our website; most stores close at 6pm on Sundays."],
  ['Do you sell car tires?', "I'm afraid we don't sell those."],
  ['Can you recommend a good laptop for video editing?', 'Our product pages have comparison charts, and the staff in any store are happy to give advice.'],
  ["what's the weather going to be like tomorrow", "Ha, I wish I knew! I can only help with questions about {brand}."],
  ['Do you recycle old TVs?', 'Yes, you can bring old electronics to any of our stores for free recycling.'],
  ['Do you ship to Canada?', 'At the moment we only ship within the United States.'],
  ['I just want to say the staff at your downtown store were great', "That's lovely to hear, I'll pass it on to the team!"],
  ['is this the bank? I need to check my balance', "This is {brand} customer support, I'm afraid we can't help with bank accounts."],
  ['Do you buy used phones?', 'We run trade-in events a few times a year; they are announced on our website.'],
  ['How do I become a supplier for your stores?', 'Supplier enquiries go through the partners page on our corporate website.'],
  ['Can you help me with my internet provider? The router is from them', "I'm sorry, for a router from your internet provider you'd need to contact them directly."],
  ['test', 'Hello! Did you have a question for us?'],
  ['Do you have the new game console in stock?', 'Stock changes daily; the product page shows availability for each store.'],
  ['I want to complain about the parking at your mall store', "Sorry to hear that. The parking is run by the mall, but I'll share your feedback with the store."],
  ['Is there a student discount?', "We don't have a general student discount, but there are seasonal offers on our website."],
  ['what is your company address for a letter', 'Our mailing address is at the bottom of every page of our website.'],
  ['can I pay you a visit to see the new TVs in person', 'Of course, all our stores have TVs on display. No appointment needed.'],
  ['Do you do gift wrapping?', 'Yes, you can add gift wrapping at checkout for $4.99.'],
  ['Can you tell me a joke', 'Why did the smartphone need glasses? It lost its contacts! Anything I can help you with today?'],
];
export const CUSTOMER_GIVES_UP = ['ok never mind', 'nvm', 'forget it', 'ok bye'];
export const OFF_TOPIC_FOLLOW_UPS = ['ok thanks', 'oh ok', 'alright, thank you', 'ok never mind then', 'good to know, thanks'];
