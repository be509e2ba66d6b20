"""Word lists the rules use: general English, not any one briefing's vocabulary."""

from __future__ import annotations

# The calendar's words, in order (weekday 0 is Monday, as datetime counts): one list for every
# rule that reads a date or must not take one for a name.
WEEKDAYS = tuple("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_NAMES = tuple("january february march april may june july august september october "
                    "november december".split())


def word_classes(classes: dict[str, str]) -> dict[str, str]:
    """{class: "word word ..."} turned round: each word -> its class (the first class
    listing a word keeps it)."""
    table: dict[str, str] = {}
    for cls, words in classes.items():
        for word in words.split():
            table.setdefault(word, cls)
    return table


# Words that start a sentence with a capital letter without being a name.
FUNCTION_WORDS = frozenset("""
a an the this that these those there here it its it's they them their he she his her him we
our us you your i my me one some any all both each every no not none many most more much few
several other another such what which who whom whose when where why how whether if then than
and or but nor so yet for because since although though while whereas unless until after
before during despite against among between within without about above below under over into
onto upon from to of in on at by with as like also even only just still already again however
moreover nevertheless nonetheless furthermore meanwhile therefore thus hence indeed instead
firstly secondly thirdly first second third finally lastly last next later earlier today
yesterday tomorrow now soon recently currently similarly likewise overall notably
unlike following according given regarding concerning including is are was were be been
being has have had do does did will would shall should can could may might must mr mrs ms dr
prof president prime minister foreign chief head general colonel speaker chairman
republic state states government army people country countries region
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
""".split())

# Titles before a person's name: kept out of the name, remembered as a role.
TITLES = frozenset("""
president prime minister foreign defence defense deputy vice chief head general colonel
lieutenant major admiral commander speaker chairman chairwoman chair secretary spokesman
spokeswoman spokesperson ambassador senator governor mayor king queen prince sheikh pope
mr mrs ms dr prof professor sir dame lord minister's president's
auditor comptroller ombudsman councillor councilor
""".split())

# Verbs that report speech or writing, in the forms used after a subject or inverted.
REPORTING = frozenset("""
said says say stated states state declared declares told tells announced announces added
adds noted notes stressed stresses insisted insists argued argues claimed claims warned
warns explained explains wrote writes asserted asserts emphasized emphasised emphasizes
emphasises suggested suggests acknowledged acknowledges admitted admits replied replies
affirmed affirms reiterated reiterates urged urges called calls promised promises vowed vows
threatened threatens accused accuses denied denies confirmed confirms recalled recalls
repeated repeats maintained maintains
""".split())

# Cues for the kind of a claim.  Order of checks lives in kinds.py.
RECOMMENDATION = (
    "should", "ought to", "must", "needs to", "need to", "has to", "have to",
    "it is necessary", "it is essential", "it is time", "it is vital", "it is crucial",
    "it is imperative", "recommend", "urge", "call on", "calls on", "would do well",
    "it would be wise", "had better",
)
PREDICTION = (
    "will", "won't", "is likely to", "are likely to", "is expected to", "are expected to",
    "is set to", "are set to", "is bound to", "is going to", "are going to", "will likely",
    "in the coming", "in the future", "is poised to", "are poised to", "forecast", "predict",
    "would lead to", "could lead to", "is about to", "shall", "expect", "expects",
)
# Evaluative and epistemic words: the writer judges rather than reports.
ASSESSMENT = frozenset("""
seems seem seemed appears appear appeared apparently clearly obviously evidently arguably
probably perhaps likely unlikely possibly certainly undoubtedly surely effectively
essentially fundamentally largely mainly merely simply truly really indeed
important importance significant significance crucial critical key vital essential major
serious severe dramatic dramatically disastrous disaster catastrophic catastrophe
failure failed fail success successful victory defeat crisis dilemma paradox irony ironic
fragile weak weakened weakens weakening strong stronger stronger strengthen strengthened
strengthens undermine undermined undermines undermining credible credibility reliable
unreliable legitimacy legitimate illegitimate dangerous danger threat threatening risk
risky worrying worry worries concern concerns concerning alarming unprecedented
remarkable notable surprising surprisingly unexpected unexpectedly inevitable
inevitably impossible difficult easy better worse best worst good bad great
growing increasingly decline declining limited marginal marginalization marginalisation
isolation isolated dependent dependence influential powerful powerless
hostile
disappointed disappointment skeptical sceptical mistrust distrust trust
symbolic opportunity opportunities chance challenge challenges
test proof sign signal reflects reveals revealed shows showed demonstrates demonstrated
means meant implies suggests confirms confirmed illustrates highlights underscores
exception paradoxically unfortunately fortunately regrettably
""".split())
# "the fact that ..." style openings that frame rather than carry a claim.
FRAME_OPENERS = (
    "it is clear that", "it is obvious that", "it is evident that", "it should be noted that",
    "it must be noted that", "it is worth noting that", "it is true that", "it seems that",
    "it appears that", "note that", "we know that", "we see that", "we should note that",
    "there is no doubt that", "no doubt", "in other words", "in fact", "of course",
)
# Connectives dropped from the start of a span: they tie it to what came before.
LEADING_CONNECTIVES = (
    "and", "but", "so", "yet", "however", "moreover", "furthermore", "nevertheless",
    "nonetheless", "meanwhile", "therefore", "thus", "hence", "also", "indeed", "in addition",
    "in fact", "besides", "still", "then", "firstly", "secondly", "thirdly", "first",
    "second", "third", "finally", "lastly", "similarly", "likewise", "consequently",
    "as a result", "on the other hand", "on the one hand", "in turn", "for example",
    "for instance", "more generally", "more specifically", "above all", "in short",
    "that said", "at the same time", "instead", "however",
)
# Conjunctions at which a long sentence is cut into clauses (after a comma or dash).
CLAUSE_BREAKS = (
    "but", "while", "whereas", "although", "though", "and", "yet", "so", "since",
    "because", "as", "which", "who", "where", "when", "thus", "even though",
    "even if", "if", "unless", "after", "before", "until", "following which",
    "in order to", "despite", "such as", "including", "especially", "particularly",
)

# Nouns that name a happening, grouped: the trigger of an event.
HAPPENINGS: dict[str, str] = word_classes({
    "war": "war wars conflict hostilities fighting combat",
    "attack": "offensive attack attacks assault incursion incursions aggression bombardment "
              "bombardments bombings shelling strikes clash clashes escalation invasion "
              "invaded invade",
    "ceasefire": "ceasefire cease-fire truce armistice",
    "agreement": "agreement agreements treaty treaties deal accord accords declaration pact "
                 "protocol memorandum charter",
    "meeting": "summit meeting meetings talks negotiations conference visit forum mediation "
               "mediator mediated",
    "strike": "strike walkout walkouts stoppage stoppages lockout",
    "mission": "mission deployment deployed observers monitoring peacekeepers peacekeeping "
               "contingent stationed arrived withdrew",
    "blockade": "blockade blocked closure siege",
    "election": "election elections referendum vote",
    "protest": "protest protests demonstration demonstrations rally uprising unrest",
    "sanctions": "sanctions embargo",
    "resolution": "resolution resolutions",
    "membership": "membership accession joined joining join withdrawal",
    "founding": "founded founding establishment established creation created conceived "
                "formed inception",
})

# What a figure counts, grouped, so "troops", "men" and "peacekeepers" compare.
COUNTED: dict[str, str] = word_classes({
    "troops": "troops soldiers men servicemen personnel peacekeepers forces fighters "
              "military militants officers guards",
    "people": "people persons residents inhabitants citizens civilians population "
              "individuals souls",
    "victims": "victims deaths dead killed casualties fatalities lives",
    "refugees": "refugees displaced evacuees migrants",
    "observers": "observers monitors staff experts members",
    "vehicles": "vehicles tanks trucks",
    "states": "states countries nations members",
})
# Classes whose count is tied to a place: a deployment is "who, where".
LOCATED = frozenset({"troops", "observers", "vehicles"})

# Endings of plural nouns naming people by what they do or are ("firefighters",
# "analysts", "residents", "employees", "officials", "critics", "relatives"): a group of
# people, not a name, when capitalised at a sentence's start.
AGENT_PLURAL = r"[A-Za-z][a-z]{2,}(?:ers|ors|sts|ents|ants|ees|als|ics|ives)"

# Everyday news happenings, beyond war and diplomacy, whose date sources give ("the cuts
# began on 12 January", "recalled the cheese on 14 April", "production stopped on 15
# April"): read by datekeys only, so that what a claim or an event is about is unchanged.
# Several words of one class name one happening told in different words ("blackouts",
# "power cuts", "rationing"); class names carry no hyphen (a key ends with its class).
NEWS_HAPPENINGS: dict[str, str] = word_classes({
    # Supply cut or rationed, however a source words it.
    "cuts": "cuts blackout blackouts outage outages load-shedding rationing rationed "
            "power-cuts restrictions curbs hosepipe",
    "emergency": "emergency",
    "drought": "drought droughts",
    "shortage": "shortage shortages scarcity",
    "closure": "closure closures closed closing shut shutdown halted suspended suspension "
               "stopped",
    "evacuation": "evacuation evacuations evacuated evacuate",
    "recall": "recall recalls recalled recalling",
    "layoffs": "layoffs lay-offs lay-off redundancies furlough furloughed dismissals",
    "pricerise": "hike hikes",
    "outbreak": "outbreak outbreaks epidemic ill sickened infections",
    "flood": "flood floods flooding flooded",
    "fire": "wildfire wildfires blaze bushfire",
    "quake": "earthquake quake",
    "storm": "storm hurricane cyclone typhoon",
    "heatwave": "heatwave heat-wave",
    "crash": "crash derailment derailed collision collided",
    "explosion": "explosion blast",
    "spill": "spill leak leaked",
    "breach": "breach hack hacked cyberattack",
    "takeover": "takeover acquisition merger",
    "ruling": "ruling verdict judgment sentenced convicted",
    "launch": "inauguration inaugurated",
    "resignation": "resignation resigned",
    "arrest": "arrest arrests arrested",
    "ban": "ban banned",
})
# A rise said with a word of price: "tariffs will rise", "a 15% tariff increase", "fares go
# up" (a rise alone, "a rise in cases", is no happening of its own).
PRICE_WORDS = frozenset("""price prices tariff tariffs fare fares rent rents bill bills fee fees
tax taxes toll tolls charge charges premium premiums""".split())
RISE_WORDS = frozenset("rise rises rising rose increase increases increased up hike hikes".split())

# Last words of a business's name: "Halden Ferries", "Corran Logistics", "Meller Foods",
# "Brisk Airways" are companies, not a first and a last name; "the company said" may then
# stand for them.  Plural or trade nouns a surname is not.
BUSINESS_HEADS = frozenset("""
airlines airways aviation ferries shipping lines line coaches buses bus transport
transit logistics freight haulage couriers express rail railways motors automotive
foods food dairies dairy farms bakeries breweries brewery distillery wines beverages
drinks pharmaceuticals pharma biotech therapeutics labs laboratories chemicals plastics
steelworks metals mining minerals oil gas petroleum energy utilities water telecom
telecoms communications networks media publishing software systems technologies
technology tech solutions electronics semiconductors devices engineering construction
builders homes properties property estates realty developments hotels resorts leisure
entertainment studios games stores supermarkets retail markets foods apparel textiles
fashion furniture paper packaging timber insurance assurance capital holdings
investments ventures partners securities finance financial bank bancorp brands products
industries enterprises ltd plc inc llc gmbh ag sa corp co
""".split())
# Head nouns news uses for one another's bodies: "the union" for a federation of unions
# named before, "the federation" for a union.
BODY_KINDS: dict[str, str] = word_classes({
    "labour": "union unions federation confederation guild syndicate",
})


# The last word of a public service or department whose name holds "and": "Fire and
# Rescue", "Food and Drug Administration", "Department of Health and Social Care".
SERVICE_HEADS = frozenset("""
rescue administration care affairs services service agriculture development welfare
security safety trade industry environment justice transport commerce culture sport sports
education research technology science energy planning housing works fisheries forestry
health resources employment innovation skills tourism heritage communications prevention
protection enforcement recovery maintenance ambulance
""".split())

# A title word that is part of a body's name before one of these: "Morvik General
# Hospital", "the General Assembly", "Major Trauma Centre" stays a title before a person.
TITLE_IN_NAME = frozenset("general major head chief".split())
NAME_AFTER_TITLE_WORD = frozenset("""
hospital hospitals infirmary clinic assembly council court school office motors electric
practice store stores cemetery
""".split())

# Bodies bound to the place they are named after: "Morvik General Hospital", "Tessa City
# Council", "Varn Police" (the place is where what they report happened).
PLACE_BOUND_HEADS = frozenset("""
hospital hospitals infirmary clinic council police airport port harbour court prison
university college school fire rescue ambulance
""".split())
