"""Names the drafter recognises without a model: states, regions, capitals used for their
state, nationality adjectives, titles and the words that mark an organisation."""

from __future__ import annotations

STATES = frozenset(
    """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|
Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|
Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|
Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Eritrea|
Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|
Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|
Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|
Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|
Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|
Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|
North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|
Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|
Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|
South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|
Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkiye|
Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|
Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Britain|
Great Britain|America|the United States|the United Kingdom|the Netherlands|the Philippines|
UK|US|USA|UAE|Hong Kong|Macau|Greenland|Scotland|Wales|England|Northern Ireland
""".replace("\n", "").split("|")
)

REGIONS = frozenset(
    """
Africa|Asia|Europe|Oceania|Antarctica|Arctic|Middle East|Near East|Far East|Central Asia|
South Asia|Southeast Asia|South-East Asia|East Asia|West Africa|East Africa|North Africa|
Southern Africa|Central Africa|Sub-Saharan Africa|Latin America|South America|
North America|Central America|Caribbean|Pacific|Pacific Islands|South Pacific|Indo-Pacific|
Asia-Pacific|Balkans|Baltics|Caucasus|Sahel|Gulf|Persian Gulf|Horn of Africa|Eastern Europe|
Western Europe|Central Europe|Scandinavia|Mediterranean|Global South|Western Balkans|
Eurasia|Siberia|Kashmir|Tibet|Xinjiang|Crimea|Donbas|Gaza|West Bank|South China Sea|
Taiwan Strait|Red Sea|Black Sea|Baltic Sea|Arctic Ocean|Atlantic|Indian Ocean
""".replace("\n", "").split("|")
)

# Capitals and seats that stand for their state in news prose ("Beijing plans ...").
METONYMS = {
    "Beijing": "China",
    "Washington": "United States",
    "Moscow": "Russia",
    "London": "United Kingdom",
    "Paris": "France",
    "Berlin": "Germany",
    "Tokyo": "Japan",
    "New Delhi": "India",
    "Delhi": "India",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Tehran": "Iran",
    "Ankara": "Turkey",
    "Islamabad": "Pakistan",
    "Kabul": "Afghanistan",
    "Pyongyang": "North Korea",
    "Seoul": "South Korea",
    "Taipei": "Taiwan",
    "Canberra": "Australia",
    "Ottawa": "Canada",
    "Riyadh": "Saudi Arabia",
    "Jerusalem": "Israel",
    "Cairo": "Egypt",
    "Pretoria": "South Africa",
    "Brasilia": "Brazil",
    "Kremlin": "Russia",
    "White House": "United States",
    # Initials that stand for a state: one actor with its full name.
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
}

# Bodies named by one word: "Congress voted ...", "the Pentagon said ...".
INSTITUTIONS = frozenset(
    """Congress|Parliament|Senate|Pentagon|Duma|Knesset|Bundestag|Bundesrat|Politburo|
Interpol|Europol|Frontex|Hamas|Hezbollah|Taliban|Reuters|Xinhua|Bloomberg|Army|Navy|Marines|
Legislature|Treasury|Cabinet|Bundeswehr""".replace("\n", "").split("|")
)

# The last word of a name of an occasion, not an actor: "Community Day", "Water Summit".
EVENT_WORDS = frozenset(
    [
        "Day",
        "Days",
        "Week",
        "Summit",
        "Festival",
        "Conference",
        "Fair",
        "Expo",
        "Games",
        "Cup",
        "Awards",
        "Marathon",
        "Parade",
    ]
)

# Capitalised acronyms that name things, not actors: an undefined one used twice is an
# organisation unless it is one of these.
NOT_ACTORS = frozenset(
    """GDP|GNP|CEO|CFO|AI|COVID|HIV|AIDS|TV|PDF|FY|OK|USD|EUR|GMT|UTC|ID|IT|PR|QA|FAQ|
NB|PS|AM|PM|BC|AD|CO2|NGO|NGOs|VAT|IPO|ICT|STEM|LGBT|LGBTQ|DNA|RNA|SUV|UAV|UAVs|GPS|
PPE|ICU|ER|MP|MPs|PhD|MA|BA|Q|A|I|II|III|IV|V|VI|KM|MW|GW|TWh|SDG|SDGs""".replace("\n", "").split(
        "|"
    )
)

# Words of a job or an office, never of a person's name ("Public Affairs officer").
JOB_WORDS = frozenset(
    """Affairs|Public|Officer|Specialist|Analyst|Forecaster|Spokesperson|Correspondent|
Editor|Reporter|Director|Manager|Adviser|Advisor|Coordinator|Administrator|Chief|Head|
Deputy|Assistant|Associate|Senior|Junior|Lead|Principal|Staff|Security|Defense|Defence|
International|National|Federal|State|Climate|Prediction|Research|Policy|Studies|Service|
Remarks|Interview|Transcript|Summary|Release|Statement""".replace("\n", "").split("|")
)

NATIONALITIES = frozenset(
    """
Afghan|African|Albanian|Algerian|American|Arab|Argentine|Argentinian|Armenian|Asian|
Australian|Austrian|Belgian|Brazilian|British|Bulgarian|Burmese|Cambodian|Canadian|Chilean|
Chinese|Colombian|Croatian|Cuban|Czech|Danish|Dutch|Egyptian|English|Ethiopian|European|
Filipino|Finnish|French|Georgian|German|Greek|Hungarian|Indian|Indonesian|Iranian|Iraqi|
Irish|Israeli|Italian|Japanese|Jordanian|Kazakh|Kenyan|Korean|Kuwaiti|Lebanese|Libyan|
Malaysian|Mexican|Mongolian|Moroccan|Nigerian|Norwegian|Pakistani|Palestinian|Peruvian|
Polish|Portuguese|Qatari|Romanian|Russian|Saudi|Scottish|Serbian|Singaporean|Somali|
Spanish|Sudanese|Swedish|Swiss|Syrian|Taiwanese|Thai|Turkish|Ukrainian|Venezuelan|
Vietnamese|Welsh|Western|Eastern|Northern|Southern|Western-led|Pacific|Gulf|Nordic|Latin
""".replace("\n", "").split("|")
)

# Titles written before a name: "President Xi Jinping", "Professor Ann Lee".
TITLES = (
    "Prime Minister",
    "Deputy Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Finance Minister",
    "Interior Minister",
    "Minister",
    "Vice-President",
    "Vice President",
    "President",
    "Premier",
    "Chancellor",
    "Secretary-General",
    "Secretary General",
    "Secretary of State",
    "Secretary",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "General",
    "Gen.",
    "Admiral",
    "Colonel",
    "Col.",
    "Major",
    "Captain",
    "Professor",
    "Prof.",
    "Dr",
    "Dr.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Judge",
    "Justice",
    "Ambassador",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Commissioner",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Sheikh",
    "Emir",
    "Crown Prince",
    "Chief Executive",
    "Administrator",
    "Council member",
    "Councilmember",
    "Councilman",
    "Councilwoman",
    "Commander",
    "Lieutenant",
    "Lt.",
    "Sergeant",
    "Sgt.",
    "Superintendent",
    "Sheriff",
    "Dean",
    "CEO",
    "Speaker",
    "Archbishop",
    "Bishop",
    "Rabbi",
    "Imam",
)

ORG_WORDS = frozenset(
    """
Academy|Administration|Agency|Alliance|Army|Assembly|Association|Authority|Bank|Board|
Bureau|Cabinet|Center|Centre|Chamber|Church|Coalition|College|Command|Commission|Committee|
Community|Company|Congress|Corporation|Corp|Council|Court|Department|Embassy|Federation|
Forces|Foundation|Front|Fund|Government|Group|Guard|Inc|Institute|Institutes|
Institution|League|Ltd|Ministry|Movement|Navy|Network|Office|Organisation|Organization|
Parliament|Partnership|Party|Police|Council|Programme|Program|Reuters|School|Senate|
Service|Society|Tribunal|Union|University|Agency|Times|Post|News|Press|Daily|Television|
Xinhua|Institutes|Observatory|Secretariat|Force|Ministries|Ledger|Gazette|Herald|Tribune|
Journal|Chronicle|Courier|Observer|Fort|Garrison|Treasury|Legislature
""".replace("\n", "").split("|")
)

# Well-known organisations written as bare acronyms, when the article does not spell them out.
KNOWN_ACRONYMS = {
    "EU": "European Union",
    "UN": "United Nations",
    "NATO": "NATO",
    "ASEAN": "ASEAN",
    "IMF": "International Monetary Fund",
    "WHO": "World Health Organization",
    "WTO": "World Trade Organization",
    "OPEC": "OPEC",
    "AU": "African Union",
    "G7": "G7",
    "G20": "G20",
    "BRICS": "BRICS",
    "SCO": "Shanghai Cooperation Organisation",
    "OECD": "OECD",
    "UNESCO": "UNESCO",
    "UNICEF": "UNICEF",
    "ICC": "International Criminal Court",
    "IAEA": "International Atomic Energy Agency",
    "FBI": "FBI",
    "CIA": "CIA",
}

# Groups of states named by a description: "developing countries", "Arab states".
GROUP_NOUNS = ("countries", "states", "nations", "governments", "allies", "economies")
GROUP_WORDS = frozenset(
    {
        "developing",
        "developed",
        "emerging",
        "poorer",
        "richer",
        "Western",
        "Eastern",
        "Arab",
        "African",
        "Asian",
        "European",
        "Gulf",
        "Nordic",
        "Baltic",
        "Pacific",
        "Muslim",
        "Islamic",
        "Latin",
        "Central",
        "Balkan",
        "Caribbean",
        "Island",
        "island",
        "neighbouring",
        "neighboring",
        "NATO",
        "G7",
        "G20",
        "BRICS",
        "Allied",
    }
)

# Capitalised words that start sentences or name times, never actors on their own.
COMMON = (
    frozenset(
        """
A|An|The|This|That|These|Those|It|Its|He|His|She|Her|They|Their|We|Our|I|You|In|On|At|By|
For|From|Of|To|With|As|And|But|Or|If|When|While|Since|After|Before|During|Under|Over|
According|Also|Last|Next|Early|Late|However|Meanwhile|Yet|Still|Such|Some|Many|Most|More|
Other|Both|All|Each|Every|No|Not|Now|Then|There|Here|What|Which|Who|Why|How|Where|Of|Course|
January|February|March|April|May|June|July|August|September|October|November|December|
Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Tomorrow|Mr|Mrs|
Ms|Dr|Read|More|Related|Photo|Image|Source|Updated|Published|Copyright|Click|Share|Advertisement|
Chinese|Western|Eastern|Although|Though|Because|Despite|Among|Between|Against|Amid|Across|
Only|Even|Just|Thus|So|Hence|Instead|Indeed|Initiative|Initiatives|Beyond|Following|Like|
Unlike|Once|Twice|First|Second|Third|Finally|Overall|Whether|Without|Within|Through|Until
""".replace("\n", "").split("|")
    )
    | NATIONALITIES
)
