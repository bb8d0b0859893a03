"""The words of conflict reporting that tell what kind of actor a noun phrase names.

Head nouns ("troops", "gunmen", "protesters"), the modifiers that change them ("armed
men" are not civilians), occupations ACLED records as associated civilian groups
("doctors" -> Health Workers), and the ethnic, clan and tribal names that turn
"militia" into an identity militia ("Fulani militia" -> Fulani Ethnic Militia).
Written for sitrep from general knowledge of conflict reporting.
"""

from __future__ import annotations

__all__ = ["FORCE", "ACTIONS", "POLICE", "CIVIL", "PROTEST", "RIOT", "REBEL", "ARMED_OTHER", "GANG", "REGIME",
           "AGENTS", "STATE_FORCE_GENERIC", "GROUPISH", "QUANTITIES", "PRONOUNS", "OCCUPATIONS",
           "ETHNIC", "CLANS", "INDIGENOUS", "GROUP_CUES", "ARMED_MODIFIERS", "UNKNOWN_MODIFIERS", "SECURITY",
           "BACKER_SUFFIXES", "LEADER_SUFFIXES", "HERDERS", "IDENTITY_CUES"]

FORCE = {"army", "armies", "force", "forces", "troops", "troop", "military", "soldier", "soldiers",
         "aircraft", "jet", "jets", "warplane", "warplanes", "plane", "planes", "navy", "drone",
         "drones", "helicopter", "helicopters", "artillery", "tanks", "unit", "units", "brigade",
         "division", "battalion", "commandos", "marines", "paratroopers", "air", "airforce", "officers",
         "personnel", "advisers", "advisors", "garrison", "positions", "servicemen", "sailors",
         "gunboats", "warships", "infantry", "elements", "contingent", "peacekeepers", "militaries",
         "detachment", "patrol", "patrols", "convoy", "snipers", "sniper"}
# what forces do, as nouns: "Russian airstrikes", "Turkish shelling", "an Israeli raid" are
# the doing of the state the premodifier names (a state in a PP, "on Syrian positions", is not)
ACTIONS = {"airstrike", "airstrikes", "air-strikes", "strike", "strikes", "shelling", "shellfire",
           "bombardment", "bombardments", "bombing", "bombings", "raid", "raids", "offensive",
           "operation", "operations", "attack", "attacks", "ambush", "incursion", "incursions",
           "fire", "gunfire", "shells", "missile", "missiles", "rocket", "rockets", "mortars",
           "barrage", "assault", "advance", "counteroffensive", "counter-offensive", "crackdown",
           "sortie", "sorties", "drone-strike", "invasion", "blockade", "siege", "deployment"}
POLICE = {"police", "policeman", "policemen", "policewoman", "gendarmerie", "gendarmes", "gendarme",
          "riot", "cops", "constables", "constabulary", "guards", "guard", "guardsmen"}
SECURITY = {"security", "law-enforcement", "enforcement"}
CIVIL = {"national", "nationals", "citizen", "citizens", "civilian", "civilians", "people",
         "resident", "residents", "villager", "villagers", "local", "locals", "refugee", "refugees",
         "child", "children", "woman", "women", "family", "families", "farmer", "farmers",
         "worker", "workers", "student", "students", "thousands", "hundreds", "dozens", "population",
         "inhabitants", "man", "men", "boy", "boys", "girl", "girls", "shepherd", "displaced",
         "crowd", "crowds", "youths", "youth", "persons", "person", "individuals", "passengers",
         "pilgrims", "worshippers", "mourners", "parents", "relatives", "supporters", "followers",
         "community", "communities", "individual", "victims", "public", "motorists", "commuters",
         "fishermen", "herders", "herdsmen", "traders", "merchants", "vendors", "shopkeepers",
         "employees", "staff", "drivers", "teachers", "doctors", "nurses", "journalists", "lawyers",
         "miners", "pensioners", "retirees", "prisoners", "inmates", "detainees", "patients",
         "graduates", "interns", "unemployed", "artists", "farmworkers", "labourers", "laborers",
         "transporters", "businessmen", "businesspeople", "owners", "tenants", "settlers",
         "idps", "migrants", "asylum-seekers", "peasants", "indigenous", "mothers", "widows",
         "elders", "clerics", "imams", "priests", "monks", "nuns", "athletes", "fans", "voters",
         "members", "volunteers", "users", "consumers", "customers", "cyclists", "motorcyclists",
         "firefighters", "entrepreneurs", "technicians", "operators", "riders", "bikers", "porters",
         "cleaners", "sweepers", "musicians", "artisans", "contractors", "engineers", "pharmacists",
         "truckers", "bakers", "butchers", "barbers", "hairdressers", "waiters", "guides", "dockers",
         "committee", "committees", "unions", "association", "associations", "federation",
         "organizations", "organisations", "neighbours", "neighbors", "protestors",
         "veterans", "retired", "civil", "society", "activist"}
PROTEST = {"protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators",
           "marchers", "activists", "strikers", "picketers", "campaigners", "petitioners"}
RIOT = {"rioter", "rioters", "mob", "mobs", "looters", "vandals", "hooligans"}
REBEL = {"insurgent", "insurgents", "insurgency", "rebel", "rebels", "militant", "militants",
         "opposition", "jihadist", "jihadists", "islamist", "islamists", "fighters", "fighter",
         "extremists", "terrorists", "terrorist", "insurgent-led", "revolution", "revolutionaries",
         "factions", "faction", "mujahideen", "guerrillas", "guerrilla", "guerillas", "separatists",
         "separatist", "secessionists", "paramilitaries", "paramilitary", "combatants", "jihadis",
         "radicals"}
ARMED_OTHER = {"gunmen", "gunman", "militia", "militias", "militiamen", "militiaman", "assailants",
               "attackers", "bandits", "unidentified", "armed", "assailant", "attacker", "kidnappers",
               "abductors", "raiders", "perpetrators", "shooters", "shooter", "killers", "bomber",
               "bombers", "arsonists", "vigilantes", "vigilante", "cultists", "robbers", "hijackers",
               "pirates", "poachers", "smugglers", "hitmen", "hitman", "sicarios", "gangsters",
               "gangs", "gang", "mercenaries", "mercenary"}
GANG = {"gang", "gangs", "gangsters", "gangster", "cartel", "cartels", "hitmen", "hitman", "sicarios",
        "narcos", "traffickers", "drug-traffickers", "criminals", "criminal", "mafia", "mara", "maras"}
HERDERS = {"herders", "herdsmen", "pastoralists", "herdsman", "herder"}
REGIME = {"regime", "government", "authorities", "administration", "junta", "governments", "govt", "gov't"}
# heads that a demonym turns into a state actor ("Lebanese officials"); "a Lebanese
# border crossing" or "Syrian territory" name things, not actors
AGENTS = {"government", "officials", "official", "ministry", "ministries", "minister", "ministers",
          "president", "embassy", "authorities", "administration", "leader", "leaders", "premier",
          "spokesman", "spokeswoman", "spokesperson", "diplomats", "diplomat", "regime", "cabinet",
          "parliament", "presidency", "counterpart", "counterparts", "envoy", "ambassador",
          "delegation", "sources", "side", "state", "king", "chief", "commander", "commanders",
          "general", "mission", "negotiators", "statement", "media", "agency", "junta", "command",
          "intelligence", "coalition", "alliance", "defence", "defense", "navy", "guard", "guards",
          "team", "representatives", "lawmakers", "mps", "judiciary", "court", "prosecutors",
          "prime", "foreign", "secretary", "governor", "governors", "mayor", "emir", "crown",
          "prince", "monarch", "sultan", "consulate", "council", "legislature", "senate",
          "congress", "ministerial", "authority", "prosecutor", "judge", "judges", "customs",
          "coastguard", "coast", "border", "authorities'"}
STATE_FORCE_GENERIC = {"army", "troops", "soldiers", "military", "forces", "servicemen",
                       "militaries", "personnel"}
GROUPISH = {"group", "groups", "faction", "factions", "forces", "force", "fighters", "units", "men",
            "elements", "ranks", "coalition", "alliance", "brigades", "battalions", "cells", "members",
            "cadres", "operatives", "loyalists", "affiliates", "wing", "squad", "squads", "gunmen",
            "militants", "militiamen"}
QUANTITIES = {"dozens", "hundreds", "thousands", "scores", "number", "handful", "some", "many",
              "several", "millions", "tens", "most", "all", "one", "two", "three", "group", "team",
              "crowd", "band", "gang", "bunch", "couple", "rest", "majority", "lot", "hordes", "hundred",
              "thousand", "dozen", "members", "unit", "contingent", "convoy", "wave", "swarm",
              "pair", "body", "column", "member"}
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", "we", "our",
            "us", "i", "my", "itself", "themselves"}
ARMED_MODIFIERS = {"armed", "heavily-armed", "masked", "hooded", "gun-wielding", "gun-toting",
                   "machete-wielding", "knife-wielding", "uniformed", "motorcycle-borne"}
UNKNOWN_MODIFIERS = {"unknown", "unidentified", "suspected", "anonymous", "unnamed", "alleged",
                     "presumed", "local", "rival", "other", "different"}
BACKER_SUFFIXES = ("backed", "supported", "sponsored", "funded", "trained", "armed", "aligned",
                   "allied", "affiliated", "linked", "loyal")
LEADER_SUFFIXES = ("led", "run", "controlled", "dominated", "commanded", "held")
# "the Saraya Awliya al-Dam militia": the noun after a name that says it names an armed group,
# and the actor type ACLED gives such groups
GROUP_CUES = {"militia": "Political militia", "militias": "Political militia",
              "militiamen": "Political militia", "group": "Political militia",
              "groups": "Political militia", "brigade": "Political militia",
              "brigades": "Political militia", "battalion": "Political militia",
              "battalions": "Political militia", "faction": "Political militia",
              "gang": "Political militia", "gangs": "Political militia", "cartel": "Political militia",
              "squad": "Political militia", "network": "Political militia", "cell": "Political militia",
              "organisation": "Political militia", "organization": "Political militia",
              "movement": "Rebel group", "front": "Rebel group", "army": "Rebel group",
              "rebels": "Rebel group", "insurgents": "Rebel group", "guerrillas": "Rebel group",
              "separatists": "Rebel group", "jihadists": "Rebel group", "militants": "Rebel group",
              "fighters": "Rebel group", "corps": "Rebel group", "division": "Rebel group",
              "legion": "Rebel group", "alliance": "Rebel group", "coalition": "Rebel group",
              "council": "Political militia", "forces": "Rebel group", "force": "Rebel group"}
IDENTITY_CUES = {"ethnic", "tribal", "clan", "communal", "tribe", "tribesmen", "clansmen", "sub-clan",
                 "community", "villagers", "youths"}

# Occupations and groups ACLED records beside the crowd as associated actors.
OCCUPATIONS = {
    "Health Workers": {"doctors", "nurses", "health", "medical", "medics", "paramedics", "midwives",
                       "physicians", "surgeons", "interns", "pharmacists", "healthcare"},
    "Teachers": {"teachers", "lecturers", "professors", "educators", "academics"},
    "Students": {"students", "pupils", "graduates", "undergraduates"},
    "Journalists": {"journalists", "reporters", "photographers", "photojournalists", "correspondents"},
    "Lawyers": {"lawyers", "advocates", "attorneys", "barristers"},
    "Farmers": {"farmers", "growers", "peasants", "cultivators"},
    "Fishermen": {"fishermen", "fishers", "fisherfolk"},
    "Taxi Drivers": {"taxi", "cabbies", "motorcycle-taxi", "boda-boda", "okada", "rickshaw"},
    "Street Traders": {"traders", "vendors", "hawkers", "merchants", "shopkeepers", "sellers"},
    "Prisoners": {"prisoners", "inmates", "detainees"},
    "Refugees/IDPs": {"refugees", "idps", "displaced", "asylum-seekers", "migrants"},
    "Women": {"women", "mothers", "widows"},
    "Labour Group": {"workers", "employees", "labourers", "laborers", "miners", "staff", "unionists"},
    "Aid Workers": {"aid", "humanitarian"},
}

# Ethnic groups that conflict reports name as armed communities ("Fulani militia",
# "Tiv militiamen", "Lou Nuer youths"); matched on the phrase's proper-noun modifiers.
ETHNIC = {
    "fulani", "fula", "peul", "peuhl", "tiv", "jukun", "hausa", "kanuri", "bachama", "berom", "tarok",
    "kuteb", "ichen", "bassa", "egbira", "idoma", "adara", "ijaw", "itsekiri", "urhobo", "agatu",
    "dinka", "nuer", "murle", "shilluk", "mundari", "toposa", "lou", "gaawar", "bul", "lango",
    "dogon", "bambara", "tuareg", "songhai", "bozo", "mossi", "bobo", "fulbe", "daoussak", "arab",
    "misseriya", "rizeigat", "masalit", "zaghawa", "fur", "hamar", "habaniya", "salamat", "taisha",
    "beni", "hadendowa", "nuba", "fellata", "hawazma", "kababish", "kenana", "rufaa",
    "amhara", "oromo", "afar", "somali", "gumuz", "gedeo", "guji", "konso", "qemant", "agew",
    "tigrayan", "sidama", "wolaita", "borana", "gabra", "garre", "degodia", "ajuran",
    "pokot", "turkana", "samburu", "marakwet", "kalenjin", "kikuyu", "luo", "maasai", "kisii",
    "hema", "lendu", "banyamulenge", "bembe", "fuliiru", "twa", "batwa", "luba", "nande", "hunde",
    "hutu", "tutsi", "teke", "yaka", "banyabwisha", "babembe", "bafuliru", "barega", "mbororo",
    "baka", "kotoko", "choa", "toubou", "tebu", "teda", "gorane", "ouaddaian", "tama",
    "baggara", "mandinka", "malinke", "dioula", "gourmantche", "yoruba", "igbo", "ogoni",
    "rohingya", "rakhine", "kachin", "karen", "shan", "chin", "wa", "kokang", "karenni", "mon",
    "kuki", "meitei", "naga", "bodo", "adivasi", "santhal", "baloch", "pashtun", "hazara", "tajik",
    "uzbek", "sindhi", "druze", "alawite", "bedouin", "kurdish", "turkmen", "yazidi", "assyrian",
    "mapuche", "wayuu", "nasa", "embera", "yanomami", "guarani", "moro", "lumad", "papuan", "dayak",
    "madurese", "uighur", "uyghur", "gagauz", "roma", "romani", "albanian", "serb",
}
# Indigenous peoples whose armed groups ACLED names "<X> Indigenous Militia (Country)"
INDIGENOUS = {"mapuche", "wayuu", "nasa", "embera", "yanomami", "guarani", "yekuana", "witoto", "awa",
              "kichwa", "shuar", "aymara", "quechua", "mixtec", "zapotec", "triqui", "tzotzil", "tzeltal",
              "yaqui", "lenca", "miskito", "garifuna", "guajajara", "munduruku", "kayapo", "pemon"}
# Somali clans and sub-clans, and clan names used the same way in Kenya and Ethiopia
CLANS = {
    "hawiye", "darod", "darood", "dir", "isaaq", "isaq", "rahanweyn", "digil", "mirifle", "habar",
    "gedir", "abgaal", "abgal", "murusade", "hawadle", "galjeel", "galje'el", "sheekhaal",
    "marehan", "majerteen", "dhulbahante", "warsangeli", "ogaden", "ogadeni", "harti", "leelkase",
    "leelkayse", "ayr", "saad", "sacad", "saleban", "duduble", "biyomal", "gaaljecel", "jareer",
    "bantu", "surre", "wadalan", "abdalla", "garre", "degodia", "murule", "ajuran", "gabra",
}
