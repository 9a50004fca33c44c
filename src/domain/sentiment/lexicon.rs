//! The word lists of the scorer: valences from −4 to +4 for English and Polish words
//! (folded: lower case, no diacritics), emoji and emoticons, and the modifiers
//! (negators, intensifiers, dampeners, contrasts). A Polish entry ending in `*` is a
//! stem matching every word that starts with it. Hand-written for community posts about
//! a product (support, features, releases); built once into hash maps on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

/// What a word does to the sentiment words around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    /// Flips the next words (`not`, `nie`).
    Negator,
    /// Strengthens the next word (`very`, `bardzo`).
    Booster,
    /// Weakens the next word (`slightly`, `trochę`).
    Dampener,
    /// Shifts weight to what follows (`but`, `ale`).
    Contrast,
}

/// English words by valence.
const ENGLISH: &[(f64, &str)] = &[
    (
        3.2,
        "love loved loves loving awesome amazing excellent fantastic wonderful brilliant \
           outstanding superb perfect perfectly incredible phenomenal magnificent marvelous \
           marvellous best masterpiece exceptional stunning spectacular delightful flawless",
    ),
    (
        2.5,
        "great greatest beautiful beautifully gorgeous enjoy enjoyed enjoying enjoyable \
           happy happiest glad thrilled excited exciting impressive impressed fabulous \
           terrific lovely adore adored remarkable splendid superior brilliant genius \
           heartwarming joy joyful blessed yay hooray wow thankful grateful appreciated \
           appreciate recommend recommended charming elegant masterful triumph",
    ),
    (
        1.9,
        "good nice cool fun funny helpful useful fine pleased pleasant liked \
           thanks thank thx ty cheers win wins won winner success successful solved fixed \
           works worked working smooth smoothly easy easier fast faster quick quickly \
           reliable stable clean clear intuitive friendly welcome better improved \
           improvement improvements glad supportive satisfying satisfied \
           engaging entertaining clever smart fresh solid strong worth worthwhile honest \
           safe comfortable convenient handy powerful effective efficient polished sweet \
           hilarious moving touching heartfelt warm wise witty original inspiring inspired \
           promising rich refreshing vivid compelling fascinating interesting intelligent \
           accurate affordable congrats congratulations hope hopeful agree okay ok",
    ),
    (
        1.2,
        "like likes decent fair interest interested sure fix ready free positive \
           correct nicely respect reasonable adequate calm lively",
    ),
    (
        -1.2,
        "slow slower issue issues problem problems bug bugs confusing confused odd weird \
            strange hard difficult missing lacks lacking lack unclear complicated boring \
            bored tired meh dull flat mediocre predictable unfortunately sadly sorry \
            concern concerned worry worried doubt limited expensive pricey tedious clumsy \
            pointless shallow forgettable bland mess messy cheap waste",
    ),
    (
        -1.9,
        "bad worse wrong poor poorly broken break breaks crash crashes crashed crashing \
            fail fails failed failing failure error errors annoying annoyed frustrating \
            frustrated frustration disappointing disappointed disappointment sad unhappy \
            upset ugly hate hated hates dislike disliked useless lost lose loses losing \
            stupid silly dumb lame ridiculous unusable unreliable unstable buggy laggy lag \
            freeze freezes frozen stuck hurt hurts pain painful angry mad problematic \
            complaint complain complaining spam scam fake trouble sucks sucked suck \
            dreadful tiresome unfunny incoherent clumsily overlong overwrought",
    ),
    (
        -2.6,
        "terrible horrible awful worst pathetic disgusting disgusted hideous garbage \
            trash crap crappy furious outraged outrageous unacceptable nightmare disaster \
            disastrous ruined ruin ruins abysmal atrocious dreadful miserable shameful \
            rubbish junk hateful insulting insult offensive fraud",
    ),
    // General vocabulary beyond product talk (reviews, news, everyday posts).
    (
        2.8,
        "ecstatic euphoric elated overjoyed blissful jubilant triumphant heavenly \
           breathtaking exquisite sublime glorious majestic dazzling radiant \
           unforgettable extraordinary treasure treasured beloved cherish cherished \
           adorable awesomeness excellence perfection paradise",
    ),
    (
        2.2,
        "admire admired admirable amazed amusing astonishing attractive beauty blessing \
           bravo brave bright charm cheerful cheer comfort confident cute dazzle delicious \
           delight delighted dignified eager ease easygoing energetic enthusiastic \
           enthusiasm excite excitement favorite favourite fortunate friendship gentle \
           gift gifted glamorous glee graceful gracious gratitude handsome harmony \
           healthy heroic honor honour hopeful hug hugs humor humour ideal jolly kindness \
           kiss laugh laughing laughter liberty lucky luck magic magical marvel merry \
           miracle optimistic optimism passion passionate peace peaceful playful pleasure \
           pleasing praise praised precious pride proud relief relieved respected \
           romantic rewarding satisfaction savor savour sincere smile smiles smiling \
           special spirited stellar succeed succeeded succeeds sunshine sweetheart talent \
           talented tender thrill thrilling thriving trust trusted truthful unique upbeat \
           valuable victory vibrant virtuous vitality warmth wealthy welcoming winning \
           wonder wondrous yummy",
    ),
    (
        1.5,
        "able accept accepted accomplish accomplished achievement achieve active \
           advantage advantages agreeable alive ambitious amuse appealing approve \
           approved assured attentive authentic balanced benefit benefits beneficial bold \
           bonus boost capable careful caring certain champion classic colorful colourful \
           committed competent complete confidence considerate constructive cooperative \
           courage courageous creative credible dedicated definitely dependable deserve \
           deserved desirable determined devoted diligent distinguished eagerly earnest \
           educated eloquent encourage encouraged encouraging entertain ethical faithful \
           famous fan fancy favor favour festive flexible focused fond forgive forgiven \
           freedom fulfilled fulfilling generous genuine giving glowing grand growth \
           guarantee happily harmless heal healing help helped helping helps hero \
           highlight honestly hospitable humble imaginative important improve improves \
           improving independent innovative insightful inspire integrity inventive joyous \
           keen legendary likable loyal loyalty luxurious luxury mature meaningful \
           memorable merit modern neat noble nourishing nurture open-minded patient \
           pleasantly plentiful polite popular practical precise prefer preferred \
           productive professional profitable progress promise prosper prosperous \
           protect protected punctual pure qualified quality readable realistic refined \
           relaxed relaxing resolved resourceful respectful responsible robust secure \
           seamless sensible sharp simple sincerely skilled skillful sociable soothing \
           sophisticated sound spacious stylish suitable supreme sustainable sympathetic \
           tasty thorough thoughtful thrive tidy tolerant top tranquil true trustworthy \
           truly understanding unbeatable upgrade upgraded valid versatile willing wise \
           worthy wow",
    ),
    (
        -1.5,
        "absurd abuse accident aggressive alarm alarming alone anxious anxiety \
            apathetic argue argument arrogant ashamed attack avoid awkward bankrupt barren \
            bias biased bitter blame blamed bleak blunder bogus bore bother bothered broke \
            bully burden careless chaos chaotic cheat cheated clash cold collapse \
            complained complains conflict confuse confusion corrupt costly cracked crazy \
            crisis criticism criticize criticise cruel cry crying damage damaged danger \
            dangerous dead deadly debt decline defeat defeated defect defective deficient \
            delay delayed depressed desperate destroy destroyed difficulty dirty \
            disadvantage disagree discomfort discouraged dishonest dismal disorder \
            displeased dispute disrespect disturbing doubtful downside drab dread dumb \
            empty enemy excessive exhausted exhausting fault faulty fear fearful feeble \
            fiasco fight filthy flaw flawed fool foolish forbidden forced forgot forgotten \
            fragile frighten frightening gloomy greedy grief grim gross guilty harm \
            harmful harsh hassle headache heartbreaking helpless hesitant hopeless hostile \
            hurt ignorant ignore ignored ill illegal impatient imperfect impossible \
            inadequate incapable incompetent inconvenient incorrect ineffective \
            inefficient inferior injury insecure insufficient irrelevant irresponsible \
            isolated jealous kill killed lazy lifeless lonely loser loss lousy messed \
            mistake mistaken misleading moody mourn naive nasty negative neglect nervous \
            noisy nonsense obnoxious obsolete obstacle offend oppose overpriced overrated \
            panic paranoid penalty pessimistic petty poison pollution poverty pretentious \
            punish punishment questionable rage reject rejected repetitive resent \
            restless revenge rough rude rusty sadness scared scary selfish severe shabby \
            shame shock shocked shocking shortage sick sloppy sluggish sorrow spoiled \
            stale stolen stress stressed stressful struggle struggling stubborn suffer \
            suffering superficial suspicious tense terror threat threatening toxic tragic \
            trivial troubled troublesome unable uncertain uncomfortable undesirable \
            uneasy unfair unfriendly unhelpful unimpressed uninspired unkind unlucky \
            unpleasant unpopular unprofessional unsafe unsatisfactory unsure unwanted \
            unwelcome vague victim violent vulnerable wasted weak weakness weary wicked \
            worn worrying wound wreck",
    ),
    (
        -2.3,
        "abominable agony appalling betray betrayed catastrophe catastrophic contempt \
            corrupted cursed damn damned despair despise destructive detest devastated \
            devastating dire disgrace disgraceful evil excruciating fatal filth gruesome \
            hatred heinous horrendous horrid horrific horrified idiot idiotic infuriating \
            insane intolerable jerk loathe malicious monstrous murder nauseating obscene \
            pain repulsive revolting sadistic scandal scum shit shitty sickening terrified \
            tormented torture tragedy trauma unbearable vile wretched",
    ),
];

/// Polish words and stems (folded) by valence.
const POLISH: &[(f64, &str)] = &[
    (3.2, "kocham kochamy uwielbiam uwielbiamy rewelacj* genialn* doskonal* znakomi* \
           wspanial* fantastyczn* perfekcyjn* idealn* cudown* niesamowi* swietn* \
           rewelacyjn* najlepsz* mistrzowsk* bajeczn* zachwyc* zachwyt*"),
    (2.5, "super extra piekn* przepiekn* ekstra swietnie rewelacyjnie bomba sztos \
           zadowolon* szczesliw* radosn* radosc* dzieki dziekuj* dziekuje podziekowan* \
           polecam polecamy brawo gratul* imponuj* kapitaln* wysmienit* uroczy* urocz*"),
    (1.9, "dobr* dobrze fajn* fajnie mily mila mile milo milego milej przyjemn* przydatn* pomocn* pomogl* pomaga* \
           dziala dzialaja dzialalo szybk* sprawn* stabiln* wygodn* latw* prosty prosta proste prostszy prostsze czytel* \
           intuicyjn* ciekaw* ladn* ladnie lubie lubimy podoba* naprawion* naprawil* \
           rozwiazany rozwiazana rozwiazane rozwiazal* ulepsz* lepsz* lepiej wart* warto pozytywn* solidn* \
           niezl* niezle ok okej spoko udan* sukces* zgadzam sensown* madr* przejrzyst* \
           skuteczn* efektywn* bezpieczn* przystepn* tani* oplacaln*"),
    (1.2, "poprawn* wystarczaj* nadziej* chetnie chcial* gotow* ciesz* cieszy*"),
    (-1.2, "wolno woln* powoln* problem* blad bledy bledu bledem bledow klopot* \
            skomplikowan* trudn* ciezk* dziwn* niejasn* brakuje brak* nudn* nuda \
            niestety szkoda przykro obaw* martwi* drogo drozej meczac* zmeczon* \
            przecietn* slabo slab* malo"),
    (-1.9, "zly zla zle zlego zlej zlym zlymi zlych zlo gorsz* gorzej kiepsk* beznadziejn* zepsut* zepsul* psuje \
            awari* crash* zawiesza* zawiesil* wywala* rozczarow* zawiedzion* \
            zawod* denerwuj* wkurza* irytuj* frustruj* smutn* smutek nienawidz* \
            bezuzyteczn* glupi* glupot* porazk* spam* oszust* oszukan* zawodn* bubel \
            lipa slabizn* zalosn*"),
    (-2.6, "tragedi* tragiczn* fataln* okropn* straszn* koszmar* dramat* katastrof* \
            obrzydliw* skandal* zenad* zenujac* badziew* syf* gowno gownian* najgorsz* \
            masakr*"),
    (1.9, "bezbledn* uprzejm* profesjonaln* rzeteln* zyczliw* sympatyczn* niezawodn* \
           komfortow* funkcjonaln* estetyczn* elegancki elegancka eleganckie uzyteczn* \
           innowacyjn* nowoczesn* przemyslan* dopracowan* satysfakc* optymistyczn* \
           obiecuj* zaufan* ulubion* usmiech* wesol* ciesze cieszymy"),
    (-1.2, "reklamacj* skarg* narzeka* usterk* defekt* opozni* znikn* strata straty \
            stracil* utrata utracil* zaluj* wstyd*"),
    (-1.9, "klamstw* oklam* bezczeln* niekompetentn* nieudoln* chamsk* niegrzeczn* \
            oszuk*"),
    (-2.6, "nieakceptowaln* skandaliczn*"),
];

/// Emoji and emoticons by valence.
const SYMBOLS: &[(f64, &str)] = &[
    (
        2.5,
        "😍 🥰 😻 ❤ ❤️ 💕 💖 💗 💯 🎉 🥳 🤩 🙌 👏 <3 😀 😃 😄 😁 😊 ☺ ☺️ 🙂 😆 😂 🤣 \
           👍 👌 ✨ 🔥 💪 🚀 ✅ ⭐ 🌟 😎 😉 :) :-) :d :-d ;) ;-) ^^ ^_^ xd :p :-p",
    ),
    (
        -2.5,
        "😡 😠 🤬 😤 👎 😞 😢 😭 😩 😫 😒 🙁 ☹ ☹️ 😣 😖 💩 🤮 🤢 😱 💔 ❌ 😕 😟 :( :-( \
            :'( :/ :-/",
    ),
];

const NEGATORS: &str = "not no never none nobody nothing neither nor cannot cant dont \
    doesnt didnt isnt arent wasnt werent wont wouldnt shouldnt couldnt hasnt havent hadnt \
    aint without nie nigdy zaden zadna zadne zadnych ani bez";
const BOOSTERS: &str = "very really so extremely absolutely totally completely truly \
    incredibly super highly most especially particularly remarkably seriously deeply \
    hugely enormously utterly bardzo naprawde mega strasznie wyjatkowo niezwykle \
    niesamowicie calkowicie kompletnie totalnie absolutnie ogromnie najbardziej szczegolnie \
    taki taka takie pretty";
const DAMPENERS: &str = "slightly somewhat barely hardly kinda sorta partly marginally \
    almost troche nieco dosc raczej ledwo czesciowo prawie";
const CONTRASTS: &str = "but however although though yet ale jednak lecz chociaz choc \
    aczkolwiek natomiast";

/// The lexicon, built once.
pub struct Lexicon {
    words: HashMap<&'static str, f64>,
    stems: HashMap<&'static str, f64>,
    longest_stem: usize,
    modifiers: HashMap<&'static str, Modifier>,
}

impl Lexicon {
    /// The shared lexicon.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Self {
        let mut lexicon = Lexicon {
            words: HashMap::new(),
            stems: HashMap::new(),
            longest_stem: 0,
            modifiers: HashMap::new(),
        };
        for (valence, list) in ENGLISH.iter().chain(POLISH).chain(SYMBOLS) {
            for entry in list.split_whitespace() {
                if let Some(stem) = entry.strip_suffix('*') {
                    lexicon.longest_stem = lexicon.longest_stem.max(stem.len());
                    lexicon.stems.insert(stem, *valence);
                } else {
                    lexicon.words.insert(entry, *valence);
                }
            }
        }
        for (kind, list) in [
            (Modifier::Negator, NEGATORS),
            (Modifier::Booster, BOOSTERS),
            (Modifier::Dampener, DAMPENERS),
            (Modifier::Contrast, CONTRASTS),
        ] {
            for word in list.split_whitespace() {
                lexicon.modifiers.insert(word, kind);
            }
        }
        lexicon
    }

    /// The modifier role of a folded word (`don't` is read as `dont`).
    pub fn modifier(&self, word: &str) -> Option<Modifier> {
        if word.contains(['\'', '’']) {
            let joined: String = word.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
            if joined.ends_with("nt") && joined.len() > 3 {
                return Some(Modifier::Negator);
            }
            return self.modifiers.get(joined.as_str()).copied();
        }
        self.modifiers.get(word).copied()
    }

    /// The valence of a folded word, emoji or emoticon, if it has one.
    pub fn valence(&self, word: &str) -> Option<f64> {
        if let Some(v) = self.lookup(word) {
            return Some(v);
        }
        // Polish "nie" written together with an adjective or adverb: niedobry, niefajnie.
        let rest = word.strip_prefix("nie")?;
        if rest.len() >= 3 {
            return self.lookup(rest).map(|v| v * super::NEGATION);
        }
        None
    }

    fn lookup(&self, word: &str) -> Option<f64> {
        if let Some(&v) = self.words.get(word) {
            return Some(v);
        }
        let max = self.longest_stem.min(word.len());
        (3..=max)
            .rev()
            .filter(|&n| word.is_char_boundary(n))
            .find_map(|n| self.stems.get(&word[..n]).copied())
    }
}
