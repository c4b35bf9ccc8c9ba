/**
 * Utterances that belong to no customer-service intent of any retailer: greetings, thanks, small talk and
 * requests from other domains. The library classifier learns them as one extra class so that "hello" or
 * "what's the weather" come out as out-of-scope instead of as the nearest intent.
 */
export const OUT_OF_SCOPE_LABEL = '__out_of_scope__';

/** What nobody asks a business for in any domain: greetings, thanks, acknowledgements and small talk with the bot. */
export const conversationalBackground: readonly string[] = [
  // greetings, politeness, acknowledgements
  'hi', 'hello', 'hey', 'hi there', 'hello there', 'hey there', 'good morning', 'good afternoon', 'good evening',
  'hiya', 'yo', 'greetings', 'hi, anyone there?', 'hello? is anybody there', 'are you there', 'morning!',
  'thanks', 'thank you', 'thanks a lot', 'thank you so much', 'many thanks', 'cheers', 'much appreciated',
  'ok', 'okay', 'ok thanks', 'alright', 'sure', 'got it', 'cool', 'great', 'perfect', 'fine', 'no problem', 'sounds good',
  'bye', 'goodbye', 'see you', 'have a nice day', 'that is all', "that's all for today", 'nothing else', 'no thanks',
  'never mind', 'forget it', 'hmm', 'umm', 'what?', 'huh', 'lol', 'haha', 'test', 'testing', 'asdf', '...', '?',
  // small talk about the bot
  'how are you', 'how are you doing today', "what's up", 'who are you', 'what is your name', 'are you a robot',
  'are you a real person', 'are you human', 'what can you do', 'tell me a joke', 'tell me something funny',
  'do you like music', 'what is the meaning of life', 'i am bored', 'can we be friends', 'do you have feelings',
  'sing me a song', 'you are funny', 'you are useless', 'i love you', 'how old are you', 'where do you live',
];

/**
 * Requests that belong to other domains than a retailer's: weather, trivia, and other businesses' services. A library
 * whose own intents cover one of them (a travel company's "Reserve hotel") claims it back (src/nlu/library-training.ts).
 */
export const otherDomainBackground: readonly string[] = [
  // weather, time, news, sport, trivia
  'what is the weather like today', "what's the weather in Lisbon tomorrow", 'will it rain this weekend',
  'how hot is it outside', 'what time is it', 'what day is it today', 'what is the date today',
  "what's in the news", 'who won the football game last night', 'what is the score of the match',
  'when does the world cup start', 'who is the president of france', 'how tall is mount everest',
  'what is the capital of australia', 'how many people live in tokyo', 'who wrote hamlet', 'what is 12 times 7',
  'convert 10 miles to kilometers', 'what is the square root of 144', 'translate hello into spanish',
  'how do you spell necessary', 'define serendipity', 'what year did the war end',
  // other businesses and domains
  'book me a flight to paris', 'i need a hotel room for two nights', 'reserve a table for four at 8pm',
  'order a pizza with extra cheese', 'i want to order sushi', "what's a good recipe for lasagna",
  'how do i bake sourdough bread', 'find me a cheap car rental', 'call me a taxi', 'when is the next train to boston',
  'how do i get to the airport', 'show me directions to the nearest gas station', 'play some jazz music',
  'recommend a good movie', 'what should i watch tonight', 'set an alarm for 7 am', 'remind me to call mom',
  'add milk to my shopping list', 'i need a doctor appointment', 'what are the symptoms of the flu',
  'how do i lose weight', 'what is a good workout routine', 'i want to adopt a dog', 'how do i apply for a mortgage',
  'what is my bank balance', 'how do i file my taxes', 'what is the interest rate on a savings account',
  'i want to buy bitcoin', 'how do i renew my passport', 'where can i vote', 'how do i get a driving license',
  'my car makes a strange noise', 'i need a plumber', 'how do i fix a leaking tap', 'help me write a poem',
  'write my homework essay', 'what is the best university for engineering', 'can you help me with math homework',
  'i want to learn french', 'how do i grow tomatoes', 'what flowers bloom in spring', 'is coffee bad for you',
  'where can i buy concert tickets', 'how much does a wedding cost', 'what gift should i get my wife',
  'i want to apply for a job', 'are you hiring', 'what is your favorite color', 'do you know any good podcasts',
];
