"""The actor resolver on noun phrases from many conflicts, parsed by the real model.

Each phrase becomes the subject of a small sentence ("<phrase> attacked the town.", or
"<phrase> said on Monday." for a speaker) and the subject is resolved in an article
about the given country on the given date.  The phrases are our own, written in the
style of wire reports; the expected names follow ACLED's naming conventions.
"""

from __future__ import annotations

import pytest

from sitrep.actors.kb import load_kb
from sitrep.actors.resolve import ArticleActors, lead_armed_actor, resolve_phrase

SF, REB, PM, IM, CIV, PRO, RIO, EXT = ("State forces", "Rebel group", "Political militia", "Identity militia",
                                       "Civilians", "Protesters", "Rioters", "External/Other forces")
D20, D24, D25 = "2020-03-20", "2024-12-06", "2025-03-01"

# (phrase, focus country, date, expected name, expected kind); a phrase ending in "said"
# is a speaker (not violent); the other phrases attack.
CASES = [
    # ---- Syria -----------------------------------------------------------------------
    ("Syrian army forces", "SYR", D24, "Military Forces of Syria (2000-2024)", SF),
    ("Syrian government forces", "SYR", D24, "Military Forces of Syria (2000-2024)", SF),
    ("Syrian troops", "SYR", D20, "Military Forces of Syria (2000-2024)", SF),
    ("Syrian security forces", "SYR", D25, "Military Forces of Syria (2024-)", SF),
    ("the Syrian Arab Army", "SYR", D20, "Military Forces of Syria (2000-2024)", SF),
    ("regime forces", "SYR", D20, "Military Forces of Syria (2000-2024)", SF),
    ("the regime", "SYR", D20, "Military Forces of Syria (2000-2024)", SF),
    ("Assad's forces", "SYR", D24, "Military Forces of Syria (2000-2024)", SF),
    ("forces loyal to Assad", "SYR", D24, "Military Forces of Syria (2000-2024)", SF),
    ("pro-Assad forces", "SYR", D20, "Military Forces of Syria (2000-2024)", SF),
    ("Syrian police", "SYR", D20, "Police Forces of Syria (2000-2024)", SF),
    ("the Fourth Division", "SYR", D20, "Military Forces of Syria (2000-2024) 4th Armored Division", SF),
    ("the Tiger Forces", "SYR", D20, "Military Forces of Syria (2000-2024) Tiger Forces", SF),
    ("Damascus said", "SYR", D24, "Government of Syria (2000-2024)", SF),
    ("Bashar al-Assad said", "SYR", D24, "Government of Syria (2000-2024)", SF),
    ("Hayat Tahrir al-Sham", "SYR", D24, "HTS: Hayat Tahrir al Sham", REB),
    ("HTS fighters", "SYR", D24, "HTS: Hayat Tahrir al Sham", REB),
    ("Hayat Tahrir al-Sham militants", "SYR", D24, "HTS: Hayat Tahrir al Sham", REB),
    ("the Nusra Front", "SYR", "2015-06-01", "Jabhat al Nusra", REB),
    ("Abu Mohammed al-Jolani said", "SYR", D24, "HTS: Hayat Tahrir al Sham", REB),
    ("Ahmed al-Sharaa said", "SYR", D25, "Government of Syria (2024-)", SF),
    ("the Syrian Democratic Forces", "SYR", D20, "QSD: Syrian Democratic Forces", REB),
    ("SDF fighters", "SYR", D20, "QSD: Syrian Democratic Forces", REB),
    ("Kurdish-led forces", "SYR", D20, "QSD: Syrian Democratic Forces", REB),
    ("QSD", "SYR", D20, "QSD: Syrian Democratic Forces", REB),
    ("the YPG", "SYR", D20, "YPG: Peoples Protection Units", REB),
    ("the Deir ez-Zor Military Council", "SYR", D24, "Deir ez-Zor Military Council", REB),
    ("Turkish-backed rebel forces", "SYR", D20, "JWS: Syrian National Army", REB),
    ("Turkey-backed factions", "SYR", D20, "JWS: Syrian National Army", REB),
    ("the Syrian National Army", "SYR", D20, "JWS: Syrian National Army", REB),
    ("the Hamza Division", "SYR", D20, "Hamza Division", REB),
    ("Ahrar al-Sharqiya", "SYR", D20, "Ahrar al Sharqiyah", REB),
    ("Ahrar al-Sham", "SYR", D20, "AAS: Ahrar al Sham", REB),
    ("Jaysh al-Islam", "SYR", "2017-01-01", "Jaysh al Islam", REB),
    ("Hurras al-Din militants", "SYR", D20, "Hurras al Din", REB),
    ("the Turkistan Islamic Party", "SYR", D20, "Turkistan Islamic Party", REB),
    ("the National Defence Forces", "SYR", D20, "QDW: National Defense Forces", PM),
    ("Iran-backed militias", "SYR", D24, "Iran-backed militias", PM),
    ("Fatemiyoun fighters", "SYR", D20, "Fatemiyoun Brigade", PM),
    ("Islamic State militants", "SYR", D20, "Islamic State (Syria)", REB),
    ("ISIS cells", "SYR", D20, "Islamic State (Syria)", REB),
    ("Daesh", "SYR", D20, "Islamic State (Syria)", REB),
    ("unidentified gunmen", "SYR", D20, "Unidentified Armed Group (Syria)", PM),
    ("an unknown armed group", "SYR", D20, "Unidentified Armed Group (Syria)", PM),
    ("Russian aircraft", "SYR", D24, "Military Forces of Russia (2000-)", SF),
    ("Russian warplanes", "SYR", D20, "Military Forces of Russia (2000-)", SF),
    ("Moscow said", "SYR", D24, "Government of Russia (2000-)", SF),
    ("the Kremlin said", "SYR", D24, "Government of Russia (2000-)", SF),
    ("Turkish drones", "SYR", D20, "Military Forces of Turkey (2016-)", SF),
    ("Turkish forces", "SYR", D20, "Military Forces of Turkey (2016-)", SF),
    ("Erdogan said", "SYR", D24, "Government of Turkey (2016-)", SF),
    ("Recep Tayyip Erdoğan said", "SYR", D24, "Government of Turkey (2016-)", SF),
    ("Ankara said", "SYR", D24, "Government of Turkey (2016-)", SF),
    ("the US-led coalition", "SYR", D20, "Global Coalition Against Daesh", EXT),
    ("Israeli jets", "SYR", D24, "Military Forces of Israel (2022-)", SF),
    ("Tehran said", "SYR", D24, "Government of Iran (1989-)", SF),
    ("the Revolutionary Guards", "SYR", D20, "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", SF),
    ("Hezbollah fighters", "SYR", D20, "Hezbollah", PM),
    ("Syrian civilians", "SYR", D20, "Civilians (Syria)", CIV),
    ("residents", "SYR", D20, "Civilians (Syria)", CIV),
    ("protesters", "SYR", D20, "Protesters (Syria)", PRO),
    ("the Men of Dignity", "SYR", D25, "Men of Dignity", IM),
    # ---- Iraq ------------------------------------------------------------------------
    ("Iraqi security forces", "IRQ", D20, "Military Forces of Iraq (2018-2022)", SF),
    ("the Iraqi army", "IRQ", D20, "Military Forces of Iraq (2018-2022)", SF),
    ("the Popular Mobilization Forces", "IRQ", D20, "Military Forces of Iraq (2018-) Popular Mobilization Forces", SF),
    ("the PMF", "IRQ", D20, "Military Forces of Iraq (2018-) Popular Mobilization Forces", SF),
    ("Hashd al-Shaabi fighters", "IRQ", D20, "Military Forces of Iraq (2018-) Popular Mobilization Forces", SF),
    ("Kataib Hezbollah", "IRQ", D20, "Kataib Hezbollah", PM),
    ("Asaib Ahl al-Haq", "IRQ", D20, "Asaib Ahl Al Haq", PM),
    ("IS militants", "IRQ", D20, "Islamic State (Iraq)", REB),
    ("militants", "IRQ", D20, "Islamic State (Iraq)", REB),
    ("the Counter Terrorism Service", "IRQ", D20, "Military Forces of Iraq (2018-2022) Counter Terrorism Service", SF),
    ("Peshmerga forces", "IRQ", D20, "Military Forces of Iraq (2018-2022) Kurdistan Regional Government", SF),
    ("Baghdad said", "IRQ", D20, "Government of Iraq (2018-2022)", SF),
    ("Tribal Mobilization Forces", "IRQ", D20, "TMF: Tribal Mobilization Forces", IM),
    ("the PKK", "IRQ", D20, "PKK: Kurdistan Workers Party", REB),
    ("Turkish warplanes", "IRQ", D20, "Military Forces of Turkey (2016-)", SF),
    # ---- Turkey ------------------------------------------------------------------------
    ("PKK militants", "TUR", D20, "PKK: Kurdistan Workers Party", REB),
    ("Kurdish militants", "TUR", D20, "PKK: Kurdistan Workers Party", REB),
    ("the gendarmerie", "TUR", D20, "Military Forces of Turkey (2016-) Gendarmerie", SF),
    ("Turkish police", "TUR", D20, "Police Forces of Turkey (2016-)", SF),
    ("the Children of Fire", "TUR", D20, "Children of Fire", PM),
    ("the HBDH", "TUR", D20, "HBDH: Peoples United Revolutionary Movement", PM),
    # ---- Lebanon, Israel and Palestine ---------------------------------------------------
    ("Hezbollah", "LBN", D24, "Hezbollah", PM),
    ("the Lebanese army", "LBN", D24, "Military Forces of Lebanon (2020-2025)", SF),
    ("Lebanese officials said", "LBN", D24, "Government of Lebanon (2020-2025)", SF),
    ("Lebanese protesters", "LBN", D20, "Protesters (Lebanon)", PRO),
    ("UNIFIL peacekeepers", "LBN", D24, "UNIFIL: United Nations Interim Force in Lebanon (1978-)", EXT),
    ("the Israel Defense Forces", "PSE", D24, "Military Forces of Israel (2022-)", SF),
    ("the IDF", "PSE", D24, "Military Forces of Israel (2022-)", SF),
    ("Israeli troops", "PSE", D20, "Military Forces of Israel (2009-2021)", SF),
    ("Israeli forces", "LBN", D24, "Military Forces of Israel (2022-)", SF),
    ("Netanyahu said", "ISR", D24, "Government of Israel (2022-)", SF),
    ("Israeli border police", "PSE", D20, "Police Forces of Israel (2009-2021) Border Police", SF),
    ("Israeli settlers", "PSE", D20, "Settlers (Israel)", PM),
    ("Hamas", "PSE", D24, "Hamas Movement", PM),
    ("Hamas militants", "PSE", D24, "Hamas Movement", PM),
    ("the Qassam Brigades", "PSE", D24, "Hamas Movement", PM),
    ("Palestinian Islamic Jihad", "PSE", D24, "PIJ: Palestinian Islamic Jihad", PM),
    ("the al-Quds Brigades", "PSE", D24, "PIJ: Palestinian Islamic Jihad", PM),
    ("the Lions' Den", "PSE", D24, "Lions Den", PM),
    ("Palestinian militants", "PSE", D24, "Hamas Movement", PM),
    ("the Palestinian Authority said", "PSE", D24, "Government of Palestine (1994-) Palestinian National Authority", SF),
    ("Palestinian civilians", "PSE", D24, "Civilians (Palestine)", CIV),
    # ---- Yemen ---------------------------------------------------------------------------
    ("Houthi rebels", "YEM", D20, "Military Forces of Yemen (2016-) Supreme Political Council", SF),
    ("the Houthis", "YEM", D24, "Military Forces of Yemen (2016-) Supreme Political Council", SF),
    ("pro-Houthi forces", "YEM", D20, "Military Forces of Yemen (2016-) Supreme Political Council", SF),
    ("Ansar Allah", "YEM", D24, "Military Forces of Yemen (2016-) Supreme Political Council", SF),
    ("the Houthi movement", "YEM", "2015-05-01", "Houthi Movement", REB),
    ("Houthi-run forces", "YEM", D24, "Military Forces of Yemen (2016-) Supreme Political Council", SF),
    ("anti-Houthi tribesmen", "YEM", D20, "Unidentified Tribal Militia (Yemen)", IM),
    ("the Turkish president said", "SYR", D24, "Government of Turkey (2016-)", SF),
    ("the Iranian foreign minister said", "IRQ", D24, "Government of Iran (1989-)", SF),
    ("a senior Hezbollah official said", "LBN", D24, "Hezbollah", PM),
    ("pro-Hadi forces", "YEM", D20, "Military Forces of Yemen (2012-2022)", SF),
    ("Yemeni government forces", "YEM", D20, "Military Forces of Yemen (2012-2022)", SF),
    ("the Saudi-led coalition", "YEM", D20, "Operation Restoring Hope", EXT),
    ("Saudi-led coalition aircraft", "YEM", D20, "Operation Restoring Hope", EXT),
    ("Saudi forces", "YEM", D20, "Operation Restoring Hope", EXT),
    ("the pro-Hadi Al Marashi tribal militia", "YEM", D20, "Military Forces of Yemen (2012-2022)", SF),
    ("pro-Hadi Islah forces", "YEM", D20, "Military Forces of Yemen (2012-2022)", SF),
    ("the Southern Transitional Council", "YEM", D20, "STC: Southern Transitional Council", REB),
    ("Security Belt forces", "YEM", D20, "Military Forces of Yemen (2012-2022) Security Belt Forces", SF),
    ("anti-Houthi National Resistance forces", "YEM", D20, "National Resistance Forces", PM),
    ("AQAP militants", "YEM", D20, "AQAP: Al Qaeda in the Arabian Peninsula", REB),
    ("al-Qaeda in the Arabian Peninsula", "YEM", D20, "AQAP: Al Qaeda in the Arabian Peninsula", REB),
    ("Al Hayash tribesmen", "YEM", D20, "Al Hayash Tribal Militia (Yemen)", IM),
    ("unidentified armed men", "YEM", D20, "Unidentified Armed Group (Yemen)", PM),
    # ---- Libya, Egypt ----------------------------------------------------------------------
    ("LNA forces", "LBY", D20, "Military Forces of Libya (2014-) Haftar Faction", SF),
    ("Haftar's forces", "LBY", D20, "Military Forces of Libya (2014-) Haftar Faction", SF),
    ("the Libyan National Army", "LBY", D20, "Military Forces of Libya (2014-) Haftar Faction", SF),
    ("GNA forces", "LBY", D20, "Military Forces of Libya (2016-) Government of National Accord", SF),
    ("forces of the Government of National Accord", "LBY", D20, "Military Forces of Libya (2016-) Government of National Accord", SF),
    ("GNU forces", "LBY", "2022-06-01", "Military Forces of Libya (2021-) Government of National Unity", SF),
    ("Wagner mercenaries", "LBY", D20, "Wagner Group", EXT),
    ("the Rada Special Deterrence Force", "LBY", D20, "Rada Special Deterrence Force", PM),
    ("Egyptian military forces", "EGY", D20, "Military Forces of Egypt (2014-)", SF),
    ("Sinai Province militants", "EGY", D20, "Islamic State (Egypt)", REB),
    ("IS militants", "EGY", D20, "Islamic State (Egypt)", REB),
    # ---- Sahel and West Africa ---------------------------------------------------------------
    ("JNIM militants", "MLI", D20, "JNIM: Group for Support of Islam and Muslims", REB),
    ("Jama'at Nusrat al-Islam wal-Muslimin", "BFA", D24, "JNIM: Group for Support of Islam and Muslims", REB),
    ("Katiba Macina", "MLI", D20, "Katiba Macina", REB),
    ("ISGS fighters", "NER", D20, "Islamic State (Greater Sahara)", REB),
    ("the Islamic State in the Greater Sahara", "MLI", D20, "Islamic State (Greater Sahara)", REB),
    ("Malian soldiers", "MLI", D20, "Military Forces of Mali (2013-2020)", SF),
    ("FAMa troops", "MLI", D24, "Military Forces of Mali (2021-)", SF),
    ("Wagner fighters", "MLI", D24, "Wagner Group", EXT),
    ("Burkinabe soldiers", "BFA", D24, "Military Forces of Burkina Faso (2022-)", SF),
    ("the VDP", "BFA", D24, "VDP: Volunteers for the Defense of the Homeland", IM),
    ("Koglweogo militiamen", "BFA", D20, "Koglweogo Militia", IM),
    ("Dan Na Ambassagou", "MLI", D20, "Dan Na Ambassagou", IM),
    ("Dozo hunters", "MLI", D20, "Dozo Communal Militia (Mali)", IM),
    ("French Barkhane forces", "MLI", D20, "Military Forces of France (2017-)", SF),
    ("MINUSMA peacekeepers", "MLI", D20, "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)", EXT),
    ("the CMA", "MLI", D20, "CMA: Coordination of Azawad Movements", REB),
    ("Tuareg rebels", "MLI", D20, "CMA: Coordination of Azawad Movements", REB),
    ("Nigerien soldiers", "NER", D20, "Military Forces of Niger (2011-2021)", SF),
    ("Boko Haram", "NGA", D20, "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", REB),
    ("Boko Haram insurgents", "CMR", D20, "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", REB),
    ("Shekau's faction", "NGA", D20, "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", REB),
    ("ISWAP or Boko Haram militants", "NER", D20, "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", REB),
    ("suspected JNIM or ISGS militants", "BFA", D20, "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)", REB),
    ("ISWAP fighters", "NGA", D20, "Islamic State (West Africa)", REB),
    ("insurgents", "NGA", D20, "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", REB),
    ("Nigerian troops", "NGA", D20, "Military Forces of Nigeria (2015-2023)", SF),
    ("the Civilian JTF", "NGA", D20, "Civilian JTF: Civilian Joint Task Force", PM),
    ("Fulani militiamen", "NGA", D20, "Fulani Ethnic Militia (Nigeria)", IM),
    ("suspected Fulani herdsmen", "NGA", D20, "Fulani Ethnic Militia (Nigeria)", IM),
    ("Tiv militia", "NGA", D20, "Tiv Ethnic Militia (Nigeria)", IM),
    ("gunmen", "NGA", D20, "Unidentified Armed Group (Nigeria)", PM),
    ("bandits", "NGA", D20, "Unidentified Armed Group (Nigeria)", PM),
    ("IPOB members", "NGA", D24, "IPOB: Indigenous People of Biafra", PM),
    ("the Eastern Security Network", "NGA", D24, "ESN: Eastern Security Network", PM),
    ("Ambazonian separatists", "CMR", D20, "Ambazonian Separatists (Cameroon)", REB),
    ("Amba fighters", "CMR", D24, "Ambazonian Separatists (Cameroon)", REB),
    ("separatists", "CMR", D24, "Ambazonian Separatists (Cameroon)", REB),
    ("the Rapid Intervention Battalion", "CMR", D20, "Military Forces of Cameroon (1982-) Rapid Intervention Battalion", SF),
    ("Chadian troops", "TCD", D20, "Military Forces of Chad (1990-2021)", SF),
    ("FACT rebels", "TCD", "2021-04-15", "FACT: Front for Change and Concord in Chad", REB),
    # ---- Sudan, South Sudan, Ethiopia -----------------------------------------------------------
    ("the Rapid Support Forces", "SDN", D24, "RSF: Rapid Support Forces", REB),
    ("RSF paramilitaries", "SDN", D24, "RSF: Rapid Support Forces", REB),
    ("the paramilitaries", "SDN", D24, "RSF: Rapid Support Forces", REB),
    ("Hemedti said", "SDN", D24, "RSF: Rapid Support Forces", REB),
    ("the Rapid Support Forces", "SDN", "2021-06-01", "Military Forces of Sudan (2019-) Rapid Support Forces", SF),
    ("the Sudanese army", "SDN", D24, "Military Forces of Sudan (2019-)", SF),
    ("the Sudanese Armed Forces", "SDN", D24, "Military Forces of Sudan (2019-)", SF),
    ("Burhan said", "SDN", D24, "Government of Sudan (2019-)", SF),
    ("the SPLM-N", "SDN", D24, "SPLM-N: Sudan Peoples Liberation Movement-North", REB),
    ("Misseriya militiamen", "SDN", D24, "Misseriya Ethnic Militia (Sudan)", IM),
    ("SPLA-IO forces", "SSD", D20, "SPLM-In Opposition: Sudan People's Liberation Movement-In Opposition", REB),
    ("Riek Machar said", "SSD", D20, "SPLM-In Opposition: Sudan People's Liberation Movement-In Opposition", REB),
    ("South Sudanese soldiers", "SSD", D20, "Military Forces of South Sudan (2011-)", SF),
    ("the SSPDF", "SSD", D24, "Military Forces of South Sudan (2011-)", SF),
    ("Murle youths", "SSD", D20, "Murle Ethnic Militia (South Sudan)", IM),
    ("Bul Nuer militia", "SSD", D20, "Bul Nuer Ethnic Militia (South Sudan)", IM),
    ("Dinka Agar militiamen", "SSD", D20, "Dinka Agar Ethnic Militia (South Sudan)", IM),
    ("the White Army", "SSD", D20, "White Army (Nuer Ethnic Militia)", IM),
    ("Tigrayan forces", "ETH", "2021-07-01", "TPLF: Tigray Peoples Liberation Front", REB),
    ("the TPLF", "ETH", "2021-07-01", "TPLF: Tigray Peoples Liberation Front", REB),
    ("Fano militiamen", "ETH", D24, "Fano Militia", IM),
    ("Amhara militia", "ETH", D24, "Amhara Ethnic Militia (Ethiopia)", IM),
    ("the Oromo Liberation Army", "ETH", D24, "OLA: Oromo Liberation Army", REB),
    ("Ethiopian federal forces", "ETH", D24, "Military Forces of Ethiopia (2018-)", SF),
    ("the ENDF", "ETH", D24, "Military Forces of Ethiopia (2018-)", SF),
    ("Amhara special forces", "ETH", "2021-01-01", "Police Forces of Ethiopia (2018-) Amhara Regional Special Forces", SF),
    ("Eritrean troops", "ETH", "2021-01-01", "Military Forces of Eritrea (1993-)", SF),
    # ---- Somalia, Kenya, Uganda ------------------------------------------------------------------
    ("al-Shabaab militants", "SOM", D20, "Al Shabaab", REB),
    ("Al Shabaab fighters", "KEN", D20, "Al Shabaab", REB),
    ("militants", "SOM", D20, "Al Shabaab", REB),
    ("Somali forces", "SOM", D20, "Military Forces of Somalia (2017-2022)", SF),
    ("Somali National Army troops", "SOM", D24, "Military Forces of Somalia (2022-)", SF),
    ("Danab special forces", "SOM", D24, "Military Forces of Somalia (2022-) Danab Brigade", SF),
    ("Puntland forces", "SOM", D24, "Military Forces of Somalia (2022-) Puntland Security Force", SF),
    ("AMISOM troops", "SOM", D20, "AMISOM: African Union Mission in Somalia (2007-)", EXT),
    ("ATMIS troops", "SOM", D24, "ATMIS: African Union Transition Mission in Somalia (2022-2024)", EXT),
    ("Islamic State in Somalia", "SOM", D24, "Islamic State (Somalia)", REB),
    ("Habar Gedir clan militia", "SOM", D20, "Habar Gedir Clan Militia (Somalia)", IM),
    ("clan militiamen", "SOM", D20, "Unidentified Clan Militia (Somalia)", IM),
    ("Macawisley fighters", "SOM", D24, "Macawisley Militia", IM),
    ("US forces", "SYR", D20, "Global Coalition Against Daesh", EXT),
    ("Palestinians", "PSE", D20, "Civilians (Palestine)", CIV),
    ("a Palestinian", "ISR", D20, "Civilians (Palestine)", CIV),
    ("the Russians", "UKR", D24, "Military Forces of Russia (2000-)", SF),
    ("an armed man", "IND", D20, "Unidentified Armed Group (India)", PM),
    ("a man", "IND", D20, "Unidentified Armed Group (India)", PM),  # the subject of "attacked"
    ("four individuals on motorcycles", "PRI", D20, "Unidentified Armed Group (Puerto Rico)", PM),
    ("retired soldiers", "LBN", D20, "Civilians (Lebanon)", CIV),
    ("Nigerian Armed Forces", "NGA", D20, "Military Forces of Nigeria (2015-2023)", SF),
    ("communal militias from Zamwara", "GHA", D20, "Zamwara Communal Militia (Ghana)", IM),
    ("members of National Corps", "UKR", D20, "National Corps Party", PM),
    ("US drones", "SOM", D24, "Military Forces of the United States (2021-2025)", SF),
    ("Kenyan police", "KEN", D24, "Police Forces of Kenya (2022-)", SF),
    ("Pokot raiders", "KEN", D24, "Pokot Ethnic Militia (Kenya)", IM),
    ("the ADF", "UGA", D20, "ADF: Allied Democratic Forces", REB),
    # ---- DR Congo, CAR, Burundi, Mozambique -------------------------------------------------------
    ("M23 rebels", "COD", D24, "M23: March 23 Movement", REB),
    ("Congo's army", "COD", D24, "Military Forces of the Democratic Republic of Congo (2019-)", SF),
    ("the Rwanda-backed M23", "COD", D24, "M23: March 23 Movement", REB),
    ("ADF militants", "COD", D24, "ADF: Allied Democratic Forces", REB),
    ("CODECO militiamen", "COD", D20, "CODECO: Cooperative for Development of Congo", PM),
    ("the FDLR", "COD", D20, "FDLR: Democratic Forces for the Liberation of Rwanda", REB),
    ("Mai-Mai militiamen", "COD", D20, "Mayi Mayi Militia", PM),
    ("Raia Mutomboki fighters", "COD", D20, "Mayi Mayi Militia (Raia Mutomboki)", PM),
    ("Raia Mutomboki-Lukoba militiamen", "COD", D20, "Mayi Mayi Militia (Raia Mutomboki-Lukoba)", PM),
    ("Mayi Mayi militiamen (Charles faction)", "COD", D20, "Mayi Mayi Militia (Charles)", PM),
    ("a Mayi Mayi UPLC militia group", "COD", D20, "UPLC: Union of Patriots for the Liberation of Congo", PM),
    ("the armed forces of Mozambique, together with gunships of the Dyck Advisory Group,", "MOZ", D20, "Military Forces of Mozambique (1990-)", SF),
    ("Nyatura militia", "COD", D20, "Mayi Mayi Militia (Nyatura)", PM),
    ("Wazalendo fighters", "COD", D24, "Wazalendo", PM),
    ("FARDC soldiers", "COD", D24, "Military Forces of the Democratic Republic of Congo (2019-)", SF),
    ("Congolese troops", "COD", D24, "Military Forces of the Democratic Republic of Congo (2019-)", SF),
    ("MONUSCO peacekeepers", "COD", D20, "MONUSCO: United Nations Organization Stabilization Mission in Democratic Republic of Congo (2010-)", EXT),
    ("Hema militiamen", "COD", D20, "Hema Ethnic Militia (Democratic Republic of Congo)", IM),
    ("unidentified armed men", "COD", D20, "Unidentified Armed Group (Democratic Republic of Congo)", PM),
    ("anti-Balaka militiamen", "CAF", D20, "Anti-Balaka", PM),
    ("the CPC", "CAF", "2021-01-10", "CPC: Coalition of Patriots for Change", REB),
    ("the UPC", "CAF", D20, "UPC: Union for Peace in the Central African Republic", REB),
    ("Imbonerakure members", "BDI", D20, "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)", PM),
    ("Islamic militants", "MOZ", D20, "Islamist Militia (Mozambique)", PM),
    ("insurgents", "MOZ", D20, "Islamist Militia (Mozambique)", PM),
    ("insurgents", "MOZ", D24, "Islamic State (Mozambique)", REB),
    ("Mozambican troops", "MOZ", D20, "Military Forces of Mozambique (1990-)", SF),
    ("Rwandan troops", "MOZ", D24, "Military Forces of Rwanda (1994-)", SF),
    ("Dyck Advisory Group helicopters", "MOZ", D20, "Dyck Advisory Group", EXT),
    # ---- Afghanistan, Pakistan, India, Bangladesh --------------------------------------------------
    ("Taliban militants", "AFG", D20, "Taliban", REB),
    ("the Taliban", "AFG", D20, "Taliban", REB),
    ("Taliban forces", "AFG", D24, "Military Forces of Afghanistan (2021-)", SF),
    ("Afghan security forces", "AFG", D20, "Military Forces of Afghanistan (2014-2021)", SF),
    ("Afghan police", "AFG", D20, "Police Forces of Afghanistan (2014-2021)", SF),
    ("NDS forces", "AFG", D20, "Police Forces of Afghanistan (2014-2021) National Directorate of Security", SF),
    ("the Haqqani network", "AFG", D20, "HQN: Haqqani Network", REB),
    ("ISKP militants", "AFG", D24, "Islamic State (Afghanistan)", REB),
    ("the National Resistance Front", "AFG", D24, "NRF: National Resistance Front of Afghanistan", REB),
    ("insurgents", "AFG", D20, "Taliban", REB),
    ("Pakistani troops", "PAK", D24, "Military Forces of Pakistan (2024-)", SF),
    ("the Frontier Corps", "PAK", D20, "Police Forces of Pakistan (2018-2022) Frontier Corps", SF),
    ("TTP militants", "PAK", D24, "TTP: Tehreek-i-Taliban Pakistan", REB),
    ("the Pakistani Taliban", "PAK", D24, "TTP: Tehreek-i-Taliban Pakistan", REB),
    ("Baloch Liberation Army", "PAK", D24, "BLA: Baloch Liberation Army", REB),
    ("BLF militants", "PAK", D20, "BLF: Baloch Liberation Front", REB),
    ("Indian troops", "IND", D20, "Military Forces of India (2014-)", SF),
    ("CRPF personnel", "IND", D20, "Police Forces of India (2014-) Central Reserve Police Force", SF),
    ("Maoist rebels", "IND", D20, "Naxal-Maoist Rebels (India)", REB),
    ("Naxals", "IND", D20, "Naxal-Maoist Rebels (India)", REB),
    ("CPI (Maoist) cadres", "IND", D20, "CPI (Maoist): Communist Party of India (Maoist)", REB),
    ("Hizbul Mujahideen militants", "IND", D20, "HM: Hizb-ul-Mujahideen", REB),
    ("Lashkar-e-Taiba", "IND", D20, "LeT: Lashkar-e-Taiba", REB),
    ("unidentified militants", "IND", D20, "Unidentified Armed Group (India)", PM),
    ("BJP workers", "IND", D20, "BJP: Bharatiya Janata Party", PM),
    ("a group of TMC supporters", "IND", D20, "AITC: All India Trinamool Congress", PM),
    ("Kuki militants", "IND", D24, "KNA: Kuki National Army", REB),
    ("Awami League activists", "BGD", D20, "AL: Bangladesh Awami League", PM),
    ("Chhatra League men", "BGD", D20, "BCL: Bangladesh Chhatra League", PM),
    ("BNP supporters", "BGD", D20, "BNP: Bangladesh Nationalist Party", PM),
    # ---- Myanmar, Philippines, Thailand, Indonesia -------------------------------------------------
    ("the Tatmadaw", "MMR", D24, "Military Forces of Myanmar (2021-)", SF),
    ("junta troops", "MMR", D24, "Military Forces of Myanmar (2021-)", SF),
    ("two fighter jets", "MMR", D24, "Military Forces of Myanmar (2021-)", SF),
    ("helicopter gunships", "SDN", D24, "Military Forces of Sudan (2019-)", SF),
    ("Myanmar military", "MMR", D20, "Military Forces of Myanmar (2016-2021)", SF),
    ("the Arakan Army", "MMR", D24, "ULA/AA: United League of Arakan/Arakan Army", REB),
    ("AA fighters", "MMR", D20, "ULA/AA: United League of Arakan/Arakan Army", REB),
    ("the Kachin Independence Army", "MMR", D24, "KIA: Kachin Independence Army", REB),
    ("the KNLA", "MMR", D20, "KNU/KNLA: Karen National Union/Karen National Liberation Army", REB),
    ("People's Defence Force fighters", "MMR", D24, "PDF: Peoples Defense Force", REB),
    ("the PDF", "MMR", D24, "PDF: Peoples Defense Force", REB),
    ("the TNLA", "MMR", D24, "TNLA: Taang National Liberation Army", REB),
    ("the MNDAA", "MMR", D24, "MNDAA: Myanmar National Democratic Alliance Army", REB),
    ("ARSA militants", "MMR", D20, "ARSA: Arakan Rohingya Salvation Army", REB),
    ("Pyu Saw Htee militiamen", "MMR", D24, "Pyu Saw Htee", PM),
    ("Myanmar border guard police", "MMR", D20, "Police Forces of Myanmar (2016-2021) Border Guard Police", SF),
    ("NPA rebels", "PHL", D20, "NPA: New People's Army", REB),
    ("communist rebels", "PHL", D20, "NPA: New People's Army", REB),
    ("Abu Sayyaf militants", "PHL", D20, "ASG: Abu Sayyaf", REB),
    ("the BIFF", "PHL", D20, "BIFF: Bangsamoro Islamic Freedom Fighters", REB),
    ("Philippine soldiers", "PHL", D20, "Military Forces of the Philippines (2016-2022)", SF),
    ("Thai rangers", "THA", D20, "Military Forces of Thailand (2019-2023) Thai Rangers", SF),
    ("BRN insurgents", "THA", D20, "BRN: Barisan Revolusi Nasional", REB),
    ("the West Papua National Liberation Army", "IDN", D24, "TPNPB: West Papua National Liberation Army", REB),
    # ---- Ukraine, Russia, Caucasus ----------------------------------------------------------------
    ("Ukrainian forces", "UKR", D24, "Military Forces of Ukraine (2019-)", SF),
    ("the Armed Forces of Ukraine", "UKR", D24, "Military Forces of Ukraine (2019-)", SF),
    ("Kyiv said", "UKR", D24, "Government of Ukraine (2019-)", SF),
    ("Zelensky said", "UKR", D24, "Government of Ukraine (2019-)", SF),
    ("Russian forces", "UKR", D24, "Military Forces of Russia (2000-)", SF),
    ("Russian troops", "UKR", D24, "Military Forces of Russia (2000-)", SF),
    ("Russian-backed separatists", "UKR", D20, "NAF: United Armed Forces of Novorossiya", REB),
    ("pro-Russian separatists", "UKR", D20, "NAF: United Armed Forces of Novorossiya", REB),
    ("the NAF rebel forces", "UKR", D20, "NAF: United Armed Forces of Novorossiya", REB),
    ("DPR forces", "UKR", D20, "NAF: United Armed Forces of Novorossiya", REB),
    ("separatists", "UKR", D20, "NAF: United Armed Forces of Novorossiya", REB),
    ("the Wagner Group", "UKR", "2023-05-01", "Wagner Group", EXT),
    ("Putin said", "RUS", D24, "Government of Russia (2000-)", SF),
    ("the FSB", "RUS", D24, "Police Forces of Russia (2000-) Federal Security Service", SF),
    ("the Russian Volunteer Corps", "RUS", D24, "RDK: Russian Volunteer Corps", REB),
    ("Azerbaijani forces", "AZE", D20, "Military Forces of Azerbaijan (2003-)", SF),
    ("military forces of Artsakh", "AZE", D20, "Military Forces of Artsakh (2007-)", SF),
    ("Armenian troops", "ARM", D20, "Military Forces of Armenia (2018-)", SF),
    # ---- Mexico, Central America, Caribbean ---------------------------------------------------------
    ("armed men", "MEX", D20, "Unidentified Armed Group (Mexico)", PM),
    ("hitmen", "MEX", D20, "Unidentified Gang (Mexico)", PM),
    ("gang members", "MEX", D20, "Unidentified Gang (Mexico)", PM),
    ("the Jalisco New Generation Cartel", "MEX", D20, "CJNG: Jalisco New Generation Cartel", PM),
    ("CJNG gunmen", "MEX", D24, "CJNG: Jalisco New Generation Cartel", PM),
    ("the Sinaloa Cartel", "MEX", D24, "Sinaloa Cartel", PM),
    ("Los Chapitos", "MEX", D24, "Sinaloa Cartel (Los Chapitos)", PM),
    ("the Gulf Cartel", "MEX", D20, "Gulf Cartel", PM),
    ("La Familia Michoacana", "MEX", D20, "La Familia Michoacana Cartel", PM),
    ("Los Viagras", "MEX", D20, "Los Viagras Gang", PM),
    ("self-defense groups", "MEX", D20, "Self-Defense Group (Mexico)", PM),
    ("the National Guard", "MEX", D20, "Police Forces of Mexico (2018-2024) National Guard", SF),
    ("Mexican soldiers", "MEX", D20, "Military Forces of Mexico (2018-2024)", SF),
    ("state police", "MEX", D20, "Police Forces of Mexico (2018-2024) State Police", SF),
    ("MS-13 members", "SLV", D20, "MS-13: Mara Salvatrucha", PM),
    ("Barrio 18", "SLV", D20, "B-18: Barrio-18", PM),
    ("armed men", "HND", D20, "Unidentified Armed Group (Honduras)", PM),
    ("G9 gang members", "HTI", D24, "G9 Family and Allies", PM),
    ("Viv Ansanm gangs", "HTI", D24, "Viv Ansanm", PM),
    ("Haitian police", "HTI", D24, "Police Forces of Haiti", SF),
    # ---- Colombia, Venezuela, Brazil, Southern Cone ----------------------------------------------------
    ("ELN guerrillas", "COL", D20, "ELN: National Liberation Army", REB),
    ("the National Liberation Army", "COL", D24, "ELN: National Liberation Army", REB),
    ("FARC dissidents", "COL", D20, "FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction", REB),
    ("the Central General Staff", "COL", D24, "EMC: Central General Staff", REB),
    ("the Gulf Clan", "COL", D20, "Gulf Clan", PM),
    ("Clan del Golfo", "COL", D24, "Gulf Clan", PM),
    ("Colombian soldiers", "COL", D20, "Military Forces of Colombia (2018-2022)", SF),
    ("the ESMAD", "COL", D20, "Police Forces of Colombia (2018-2022) ESMAD", SF),
    ("unidentified armed individuals", "COL", D20, "Unidentified Armed Group (Colombia)", PM),
    ("colectivos", "VEN", D20, "Colectivos", PM),
    ("Tren de Aragua", "VEN", D24, "Tren de Aragua", PM),
    ("the Bolivarian National Guard", "VEN", D20, "Military Forces of Venezuela (1999-) GNB: Venezuelan National Guard", SF),
    ("FAES officers", "VEN", D20, "Police Forces of Venezuela (1999-) FAES: Special Action Forces", SF),
    ("Military Police officers", "BRA", D20, "Military Forces of Brazil (2019-2022) Military Police", SF),
    ("the Civil Police", "BRA", D20, "Police Forces of Brazil (2019-2022) Civil Police", SF),
    ("the Comando Vermelho", "BRA", D20, "CV: Red Command", PM),
    ("PCC members", "BRA", D24, "PCC: First Capital Command", PM),
    ("armed men", "BRA", D20, "Unidentified Armed Group (Brazil)", PM),
    ("Los Choneros", "ECU", D24, "Los Choneros Gang", PM),
    ("the Paraguayan People's Army", "PRY", D20, "EPP: Paraguayan People's Army", REB),
    ("Weichan Auka Mapu", "CHL", D20, "WAM: Weichan Auka Mapu", IM),
    ("Mapuche militants", "CHL", D20, "Mapuche Indigenous Militia (Chile)", IM),
    # ---- crowds, civilians, unknown groups, generics ----------------------------------------------------
    ("Lebanese doctors", "LBN", D20, "Civilians (Lebanon)", CIV),
    ("taxi drivers", "MEX", D20, "Civilians (Mexico)", CIV),
    ("demonstrators", "IRQ", D20, "Protesters (Iraq)", PRO),
    ("a mob", "IND", D20, "Rioters (India)", RIO),
    ("rioters", "ZAF", D20, "Rioters (South Africa)", RIO),
    ("villagers", "NGA", D20, "Civilians (Nigeria)", CIV),
    ("the police", "IND", D20, "Police Forces of India (2014-)", SF),
    ("police officers", "PHL", D20, "Police Forces of the Philippines (2016-2022)", SF),
    ("security forces", "AFG", D20, "Military Forces of Afghanistan (2014-2021)", SF),
    ("the army", "NGA", D24, "Military Forces of Nigeria (2023-)", SF),
    ("soldiers", "COD", D24, "Military Forces of the Democratic Republic of Congo (2019-)", SF),
    ("the little-known Saraya Awliya al-Dam militia", "IRQ", D20, "Saraya Awliya al-Dam", PM),
    ("the Ahl al-Kahf Brigade", "IRQ", D20, "Ahl al-Kahf Brigade", PM),
    ("Hamoud al-Mikhlafi militia", "YEM", D20, "Militia (Hamoud al-Mikhlafi)", PM),
    ("members of the Tropa del Infierno gang", "MEX", D20, "Tropa del Infierno Gang", PM),
    ("the Los Pelones gang", "MEX", D20, "Los Pelones Gang", PM),
    ("pro-government militias", "AFG", D20, "Militia (Pro-Government)", PM),
    ("Chinese forces", "IND", D20, "Military Forces of China (2012-)", SF),
    ("American troops", "IRN", D20, "Military Forces of the United States (2017-2021)", SF),
    ("American troops", "SYR", D20, "Global Coalition Against Daesh", EXT),
    ("Turkish forces operating under OPS", "SYR", D20, "Operation Peace Spring", REB),
    ("the UN said", "SYR", D24, "United Nations", EXT),
    ("NATO said", "UKR", D24, "NATO: North Atlantic Treaty Organization", EXT),
]


@pytest.fixture(scope="module")
def nlp():
    from sitrep.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _subject(doc):
    root = next(t for t in doc if t.dep_ == "ROOT")
    return next(c for c in root.children if c.dep_ in ("nsubj", "nsubjpass"))


@pytest.mark.parametrize("phrase,focus,date,name,kind", CASES, ids=[f"{c[1]}:{c[0]}" for c in CASES])
def test_phrase(nlp, kb, phrase, focus, date, name, kind):
    speaker = phrase.endswith(" said")
    sentence = f"{phrase} on Monday." if speaker else f"{phrase} attacked the town."
    doc = nlp(sentence)
    ctx = ArticleActors(kb=kb, published=date, focus=focus, lead_armed=lead_armed_actor(sentence, kb))
    r = resolve_phrase(_subject(doc), ctx, violent=not speaker)
    assert r is not None, f"{phrase!r}: no actor"
    assert (r.actor.name, r.actor.kind) == (name, kind)


def test_table_is_large_and_varied():
    assert len(CASES) >= 200
    assert len({c[1] for c in CASES}) >= 30  # countries


# Whole sentences: (sentence, the head word to resolve, focus, name, kind).  The same noun
# is a victim as a passive subject and a perpetrator as the agent.
SENTENCES = [
    ("A man was killed by two armed men in Culiacan.", "man", "MEX", "Civilians (Mexico)", CIV),
    ("A man was killed by two armed men in Culiacan.", "men", "MEX", "Unidentified Armed Group (Mexico)", PM),
    ("Four soldiers were killed by Taliban militants in Ghazni.", "soldiers", "AFG",
     "Military Forces of Afghanistan (2014-2021)", SF),
    ("Four soldiers were killed by Taliban militants in Ghazni.", "militants", "AFG", "Taliban", REB),
    ("The regime's forces and Iran-backed militias withdrew from Deir ez-Zor.", "forces", "SYR",
     "Military Forces of Syria (2000-2024)", SF),
    ("Hezbollah fighters and the Syrian army clashed with HTS.", "fighters", "SYR", "Hezbollah", PM),
    ("Protesters in Beirut blocked roads.", "Protesters", "USA", "Protesters (Lebanon)", PRO),
    # gang marks make the unnamed gunmen of Latin America and the Caribbean a gang
    ("Two armed men shot dead a shopkeeper in a drive-by in San Pedro Sula.", "men", "HND",
     "Unidentified Gang (Honduras)", PM),
    ("Gunmen on a motorcycle shot a police officer in Montego Bay.", "Gunmen", "JAM",
     "Unidentified Gang (Jamaica)", PM),
    ("Gunmen on a motorcycle shot a village head in Zamfara.", "Gunmen", "NGA",
     "Unidentified Armed Group (Nigeria)", PM),
    ("Armed men shot a councillor in Acapulco.", "men", "MEX", "Unidentified Armed Group (Mexico)", PM),

    # the subject of "died" is what befell: the dead, never unnamed gunmen
    ("One man died and another was injured in the shooting.", "man", "MEX", "Civilians (Mexico)", CIV),
    ("Two men succumbed to their wounds in hospital in Kano.", "men", "NGA", "Civilians (Nigeria)", CIV),
    ("One man opened fire on the crowd in Karachi.", "man", "PAK", "Unidentified Armed Group (Pakistan)", PM),
    # guards of companies and buildings are ACLED's private security forces
    ("A private security guard shot a customer in Lagos.", "guard", "NGA", "Private Security Forces (Nigeria)", EXT),
    ("Mine security guards beat two artisanal miners in Mutare.", "guards", "ZWE",
     "Private Security Forces (Zimbabwe)", EXT),
]


@pytest.mark.parametrize("sentence,word,focus,name,kind", SENTENCES, ids=[f"{c[1]}:{c[0][:30]}" for c in SENTENCES])
def test_roles_in_a_sentence(nlp, kb, sentence, word, focus, name, kind):
    doc = nlp(sentence)
    head = next(t for t in doc if t.text == word)
    ctx = ArticleActors(kb=kb, published=D20, focus=focus, lead_armed=lead_armed_actor(sentence, kb))
    r = resolve_phrase(head, ctx, violent=True)
    assert r is not None and (r.actor.name, r.actor.kind) == (name, kind), r


def test_my_men_are_the_speakers_and_never_the_nearest_noun(extract):
    evs = extract('"I ordered my men to shell the ridge," an army commander told reporters in Kurat on Monday.')
    assert all(e.actor1 is None or not e.actor1.name.startswith("Civilians") for e in evs)
    ours = extract('"My fighters captured the town of Bashiqa," a Peshmerga general said on Monday.',
                   published="2016-11-10")
    assert [e.actor1.name for e in ours if e.event_type] == \
        ["Military Forces of Iraq (2014-2018) Kurdistan Regional Government"]


def test_bare_rebels_fighting_the_storys_lead_group_are_the_other_side(extract):
    evs = extract("Kurdish-led forces captured Raqqa last year. On Sunday rebels clashed with Kurdish fighters "
                  "on the edge of Manbij, a monitor said.", published="2019-05-20")
    assert [(e.actor1.name, e.actor2.name) for e in evs if e.sub_event_type == "Armed clash"] == \
        [("Opposition Rebels (Syria)", "QSD: Syrian Democratic Forces")]
