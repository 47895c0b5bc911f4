/** English function words and question words: they carry no topic, so neither index nor query keeps them. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing dont down during each either else ever every few for from
  further had has have having he her here hers herself him himself his how however i if in into is it its
  itself just let me might more most much must my myself neither no nor not now of off on once only or other
  ought our ours ourselves out over own per please same shall she should so some such than that the their
  theirs them themselves then there these they this those though through thus to too under until up upon us
  many very via was we were what whatever when where whether which while who whom whose why will with within
  without would yet you your yours yourself yourselves
  tell know think say said says told according mr mrs ms`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/**
 * Russian, Belarusian and Ukrainian function and question words: a question typed in Cyrillic keeps only
 * its names and content words, transliterated (see transliterate.ts).
 */
const CYRILLIC_STOP_WORDS: ReadonlySet<string> = new Set(
  `а без бы был была были было быў в вам вас во вот все всё вы где да дзе для до его ее её если есть ещё же за
  з зі и із или им их к как калі каму ко когда коли кого кому кто ли мне мы на над не нет ни но ну о об от па
  пад перед по под пра при про с сколько скільки колькі со та так там тем то только ту у ў уже хто чаму чего
  чей чем что чому што шо що это этот эта эти гэта гэты ці це цей ця чи я як яка які який як і й у ад аб
  мне мяне мені он она оно они ён яна яно яны він вона воно вони почему зачем какой какая какое какие каким
  который которая которые сейчас теперь зараз цяпер сказал сказала сказали казаў сказаў сказалі сказав
  сказала говорит говорил кажа каже заявил`
    .split(/\s+/)
    .filter(Boolean),
);

export function isCyrillicStopWord(lower: string): boolean {
  return CYRILLIC_STOP_WORDS.has(lower);
}
