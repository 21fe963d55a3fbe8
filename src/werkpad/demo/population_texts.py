"""Dutch texts and name lists of the synthetic Delft population.

Every text is invented. Health notes end in "(fictief)" so nobody mistakes a
demo dossier for a real one. Names for Dutch speakers come from Faker nl_NL
(Polish and Spanish from Faker too); for the languages Faker has no useful
romanised names for, small lists of common names are kept here.
"""

from __future__ import annotations

#: Language profiles: (weight, languages with the mother tongue first, Dutch level weights).
#: About a quarter of the population ends up below B1.
LANGUAGE_PROFILES: tuple[tuple[float, tuple[str, ...], dict[str, float]], ...] = (
    (55.0, ("nl",), {"A2": 0.02, "B1": 0.06, "B2": 0.12, "C1": 0.25, "C2": 0.55}),
    (7.0, ("ar", "nl"), {"A2": 0.25, "B1": 0.40, "B2": 0.30, "C1": 0.05}),
    (5.0, ("tr", "nl"), {"A2": 0.25, "B1": 0.40, "B2": 0.30, "C1": 0.05}),
    (2.0, ("so", "nl"), {"A2": 0.25, "B1": 0.45, "B2": 0.30}),
    (2.0, ("en", "nl"), {"A2": 0.25, "B1": 0.45, "B2": 0.30}),
    (1.0, ("es", "nl"), {"A2": 0.25, "B1": 0.45, "B2": 0.30}),
    (1.0, ("ku", "nl"), {"A2": 0.30, "B1": 0.45, "B2": 0.25}),
    (7.0, ("ar",), {"none": 0.15, "A1": 0.30, "A2": 0.35, "B1": 0.20}),
    (4.0, ("ti",), {"none": 0.15, "A1": 0.30, "A2": 0.35, "B1": 0.20}),
    (3.0, ("tr",), {"none": 0.15, "A1": 0.30, "A2": 0.35, "B1": 0.20}),
    (3.0, ("pl",), {"none": 0.15, "A1": 0.30, "A2": 0.35, "B1": 0.20}),
    (2.0, ("fa",), {"none": 0.15, "A1": 0.30, "A2": 0.35, "B1": 0.20}),
    (2.0, ("so",), {"none": 0.15, "A1": 0.30, "A2": 0.35, "B1": 0.20}),
    (2.0, ("ar", "en"), {"none": 0.10, "A1": 0.30, "A2": 0.35, "B1": 0.25}),
    (1.0, ("en",), {"none": 0.10, "A1": 0.30, "A2": 0.35, "B1": 0.25}),
    (1.0, ("ku",), {"none": 0.15, "A1": 0.30, "A2": 0.35, "B1": 0.20}),
    (1.0, ("es",), {"none": 0.10, "A1": 0.30, "A2": 0.35, "B1": 0.25}),
)

#: Faker locales for mother tongues Faker names well; other tongues use NAMES below.
FAKER_LOCALES: dict[str, str] = {"nl": "nl_NL", "pl": "pl_PL", "es": "es_ES"}

#: Common romanised names per mother tongue: (female first names, male first names, last names).
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "ar": (
        ("Fatima", "Khadija", "Samira", "Nadia", "Malika", "Naima", "Soumaya", "Houda", "Latifa")
        + ("Rachida", "Amal", "Yasmina", "Hanan", "Salma", "Imane", "Loubna", "Nour", "Rania"),
        ("Mohamed", "Ahmed", "Youssef", "Mustafa", "Said", "Karim", "Rachid", "Hassan", "Omar")
        + ("Khalid", "Bilal", "Ayoub", "Hamza", "Nordin", "Ibrahim", "Samir", "Mounir", "Tarik"),
        ("El Amrani", "Bouzid", "El Idrissi", "Benali", "Ouali", "Aarab", "El Khattabi", "Haddou")
        + ("Azzouzi", "Belhaj", "Chaouch", "El Ouardi", "Zeroual", "Haddad", "Khalil", "Darwish")
        + ("Mansour", "Nasser", "Al Hamwi", "Kassem"),
    ),
    "tr": (
        ("Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Büşra", "Esra", "Sevgi")
        + ("Gül", "Derya", "Selin", "Hülya", "Nurcan"),
        ("Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Emre")
        + ("Burak", "Yusuf", "Kemal", "Osman", "Serkan", "Volkan"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan")
        + ("Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özdemir", "Polat", "Güneş"),
    ),
    "ti": (
        ("Senait", "Helen", "Yordanos", "Selam", "Mebrat", "Tsega", "Rahel", "Saba", "Mihret")
        + ("Abrehet", "Letensae", "Ruth"),
        ("Yonas", "Dawit", "Tesfay", "Mehari", "Kidane", "Filmon", "Samuel", "Henok", "Tewelde")
        + ("Berhane", "Amanuel", "Habtom"),
        ("Tesfay", "Gebremedhin", "Haile", "Kidane", "Tekle", "Berhe", "Weldemariam", "Abraha")
        + ("Ghebreyesus", "Mehari", "Yohannes", "Asmerom"),
    ),
    "so": (
        ("Hodan", "Faadumo", "Ayaan", "Hibaaq", "Sahra", "Nimco", "Ifrah", "Hawa", "Sagal", "Ubah"),
        ("Abdi", "Mohamed", "Abdirahman", "Hassan", "Ahmed", "Yusuf", "Abdullahi", "Liban")
        + ("Farah", "Guled"),
        ("Abdi", "Farah", "Hassan", "Warsame", "Ali", "Jama", "Osman", "Aden", "Nur", "Mohamud"),
    ),
    "fa": (
        ("Maryam", "Zahra", "Fatemeh", "Shirin", "Parisa", "Leila", "Nasrin", "Mahnaz", "Soraya")
        + ("Roya",),
        ("Ali", "Reza", "Hossein", "Mehdi", "Ahmad", "Farid", "Navid", "Omid", "Javad", "Sohrab"),
        ("Ahmadi", "Hosseini", "Rahimi", "Karimi", "Mohammadi", "Rezaei", "Sadeghi", "Jafari")
        + ("Moradi", "Azizi"),
    ),
    "ku": (
        ("Berivan", "Rojda", "Dilan", "Nesrin", "Zilan", "Hevin", "Shilan", "Avin"),
        ("Azad", "Baran", "Rojhat", "Serdar", "Kawa", "Aram", "Dilshad", "Hogir"),
        ("Hasso", "Ibrahim", "Osman", "Sheikho", "Mustafa", "Rashid", "Hussein", "Kurdi"),
    ),
    "en": (
        ("Ama", "Akosua", "Abena", "Efua", "Grace", "Blessing", "Esther", "Comfort", "Joy"),
        ("Kwame", "Kofi", "Kwabena", "Yaw", "Emmanuel", "Samuel", "Daniel", "Chinedu", "Tunde"),
        ("Mensah", "Owusu", "Boateng", "Asante", "Appiah", "Osei", "Okafor", "Adeyemi", "Eze"),
    ),
}

#: Where people without Dutch mostly worked before they came; per mother tongue.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "ar": ("Syrië", "Marokko", "Irak", "Jemen"),
    "ti": ("Eritrea",),
    "so": ("Somalië",),
    "fa": ("Iran", "Afghanistan"),
    "ku": ("Irak", "Syrië", "Turkije"),
    "tr": ("Turkije",),
    "pl": ("Polen",),
    "en": ("Ghana", "Nigeria"),
    "es": ("Colombia", "Venezuela", "Spanje"),
}

#: Work experience in the Netherlands: (text, skills it shows).
WORK_EXPERIENCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Vier jaar schoonmaakwerk bij een kantoorschoonmaakbedrijf", ("cleaning",)),
    ("Vakkenvuller en kassamedewerker in een supermarkt", ("retail", "customer_service")),
    ("Orderpicker in een distributiecentrum via een uitzendbureau", ("logistics", "forklift")),
    ("Keukenhulp in een restaurant in de binnenstad", ("catering", "cooking")),
    ("Huishoudelijke hulp in de thuiszorg", ("care", "cleaning")),
    ("Pedagogisch medewerker op een kinderdagverblijf", ("childcare", "care")),
    ("Administratief medewerker bij een woningcorporatie", ("administration", "ict")),
    ("Helpdeskmedewerker ICT bij een hogeschool", ("ict", "customer_service")),
    ("Monteur in een fietsenwerkplaats", ("technical", "bicycle_repair")),
    ("Hovenier bij een groenvoorzieningsbedrijf", ("green_maintenance",)),
    ("Pakketbezorger met eigen bus", ("driving_licence_b", "logistics")),
    ("Opperman in de bouw", ("construction",)),
    ("Schilder, eigen bedrijf tot 2014", ("painting", "construction")),
    ("Beveiliger bij evenementen", ("security",)),
    ("Receptionist in een hotel", ("hospitality", "customer_service")),
    ("Callcentermedewerker bij een energiebedrijf", ("customer_service",)),
    ("Kapper in een buurtkapsalon", ("hairdressing",)),
    ("Productiemedewerker in de glastuinbouw in het Westland", ("horticulture", "production")),
    ("Productiemedewerker in een voedingsmiddelenfabriek", ("production",)),
    ("Bediening in een eetcafé", ("hospitality", "catering")),
    ("Vrijwilliger bij de voedselbank", ("logistics", "customer_service")),
    ("Chauffeur in het leerlingenvervoer", ("driving_licence_b", "customer_service")),
    ("Naaister in een confectieatelier", ("sewing",)),
    ("Conciërge op een basisschool", ("technical", "cleaning")),
)

#: Work done abroad (a text to fill with a country) and the skills it shows.
WORK_ABROAD: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("In {country} leraar op een middelbare school", ("language_teaching",)),
    ("In {country} kapper met een eigen zaak", ("hairdressing", "customer_service")),
    ("In {country} kleermaker", ("sewing",)),
    ("In {country} kok in een restaurant", ("cooking", "catering")),
    ("In {country} werkzaam in de landbouw", ("horticulture",)),
    ("In {country} elektricien", ("technical", "construction")),
    ("In {country} vrachtwagenchauffeur", ("driving_licence_b", "logistics")),
    ("In {country} eigen winkel in levensmiddelen", ("retail", "customer_service")),
    ("In {country} verpleegkundige in een ziekenhuis", ("care",)),
    ("In {country} boekhouder", ("administration",)),
    ("In {country} timmerman", ("construction",)),
    ("In {country} tolk voor een hulporganisatie", ("translation", "language_teaching")),
)

NO_RECENT_WORK: tuple[str, ...] = (
    "Geen recente werkervaring; jarenlang mantelzorger voor een ouder",
    "Geen betaalde werkervaring; wel vrijwilligerswerk in het buurthuis",
    "Sinds de schoolperiode geen betaald werk gehad",
    "Laatste baan meer dan tien jaar geleden, in de schoonmaak",
)

#: Barrier notes per kind; health notes end in "(fictief)".
BARRIER_NOTES: dict[str, tuple[str, ...]] = {
    "physical": (
        "Rugklachten, kan niet lang staan of zwaar tillen (fictief)",
        "Knieklachten na een val; lopen kost moeite (fictief)",
        "Chronische vermoeidheid; belastbaarheid wordt onderzocht (fictief)",
        "Diabetes, regelmatige controles nodig (fictief)",
        "Astma; geen werk in stoffige ruimtes (fictief)",
        "Herstellend van een operatie aan de schouder (fictief)",
    ),
    "psychological": (
        "Somberheidsklachten, in behandeling (fictief)",
        "Angstklachten in drukke omgevingen (fictief)",
        "Traumaklachten na de vlucht (fictief)",
        "Slaapproblemen en concentratieverlies (fictief)",
        "Burn-outklachten na vorige baan (fictief)",
    ),
    "addiction": (
        "Alcoholgebruik, wil minderen (fictief)",
        "Cannabisgebruik verstoort het dagritme (fictief)",
        "Gokschulden en gokgedrag, in behandeling (fictief)",
    ),
    "care_duties": (
        "Mantelzorg voor een zieke moeder, meerdere dagen per week",
        "Zorgt voor een kind met een beperking",
        "Zorgt voor de partner na een herseninfarct",
        "Opvang van kleinkinderen op vaste dagen",
    ),
    "childcare": (
        "Geen kinderopvang geregeld voor de jongste",
        "Wachtlijst bij de buitenschoolse opvang",
        "Werktijden passen niet bij de schooltijden",
    ),
    "language": (
        "Spreekt en schrijft weinig Nederlands",
        "Volgt een taalcursus, wil naar B1",
        "Kan zich mondeling redden, lezen en schrijven gaat moeizaam",
        "Inburgering nog niet afgerond",
    ),
    "debts": (
        "Problematische schulden, meerdere schuldeisers",
        "Betalingsachterstand bij zorgverzekeraar en energie",
        "Beslag op inkomen, schuldhulptraject loopt",
        "Huurachterstand bij de woningcorporatie",
        "Terugvordering toeslagen, regeling nog niet getroffen",
    ),
    "housing": (
        "Woont tijdelijk in bij familie, zoekt eigen woning",
        "Dreigende huisuitzetting",
        "Woning te klein voor het gezin",
        "Geen vast woonadres, briefadres bij de gemeente",
    ),
    "transport": (
        "Geen fiets en geen geld voor het ov",
        "Kan niet fietsen, werkgevers buiten Delft lastig bereikbaar",
        "Rijbewijs ingevorderd",
    ),
    "digital_skills": (
        "Kan niet zelf online solliciteren",
        "Heeft geen computer en weinig digitale vaardigheden",
        "DigiD en e-mail lukken nog niet zelfstandig",
    ),
    "other": (
        "Verklaring omtrent gedrag (VOG) waarschijnlijk niet te krijgen",
        "Verblijfsstatus van de partner nog onzeker",
        "Heeft geen geschikte werkkleding en werkschoenen",
    ),
}

#: The one barrier that was this candidate's only barrier (DESIGN.md §1).
TREE_NOTE = (
    "Overwoekerde boom in de tuin; de woningcorporatie eist dat hij gekapt wordt en dat kan hij "
    "niet betalen. Zolang dat speelt staat zijn hoofd niet naar werk."
)

#: Ladder notes per step (participatieladder).
LADDER_NOTES: dict[int, tuple[str, ...]] = {
    1: ("Geïsoleerd, komt weinig buiten de deur", "Nauwelijks contacten buiten het gezin"),
    2: (
        "Sociale contacten buiten de deur, nog geen vaste activiteiten",
        "Gaat wekelijks naar de moskee of kerk en naar familie",
    ),
    3: (
        "Doet mee aan georganiseerde activiteiten, zoals een taalcafé",
        "Bezoekt het buurthuis op vaste dagen",
    ),
    4: ("Doet vrijwilligerswerk met vaste afspraken", "Onbetaald werk met behoud van uitkering"),
    5: (
        "Betaald werk met ondersteuning (jobcoach of loonkostensubsidie)",
        "Werkt met begeleiding, bouwt uren op",
    ),
    6: ("Betaald werk zonder ondersteuning", "Heeft een vast contract gekregen"),
}
CASELOAD_LADDER_NOTE = "Caseloadanalyse juli 2019"

#: Plan goals per barrier kind: (title, steps as (description, organisation role)).
#: The role ``owner`` means the barrier's owner; otherwise it is an organisation slug.
BARRIER_GOALS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "debts": (
        "Grip op de financiën",
        (
            ("Intakegesprek schuldhulp", "owner"),
            ("Alle schuldeisers in beeld brengen", "owner"),
            ("Budgetplan afspreken", "owner"),
        ),
    ),
    "psychological": (
        "Psychische klachten onder controle",
        (("Aanmelding voor behandeling", "owner"), ("Behandelplan bespreken", "owner")),
    ),
    "addiction": (
        "Middelengebruik verminderen",
        (("Gesprek met verslavingsarts", "owner"), ("Dagritme met vaste activiteiten", "owner")),
    ),
    "physical": (
        "Belastbaarheid in kaart brengen",
        (("Medisch advies aanvragen", "owner"), ("Afspraken over passend werk maken", "owner")),
    ),
    "language": (
        "Nederlands naar niveau B1",
        (
            ("Intake taalcursus", "owner"),
            ("Taalmaatje koppelen", "owner"),
            ("Taaltoets halen", "owner"),
        ),
    ),
    "care_duties": (
        "Mantelzorg en werk combineren",
        (("Respijtzorg regelen", "owner"), ("Werkuren afstemmen op de zorgtaken", "owner")),
    ),
    "childcare": (
        "Kinderopvang regelen",
        (("Kinderopvangtoeslag aanvragen", "owner"), ("Plek bij de opvang vinden", "owner")),
    ),
    "housing": (
        "Een stabiele woonsituatie",
        (("Urgentieaanvraag indienen", "owner"), ("Gesprek met de woningcorporatie", "owner")),
    ),
    "transport": (
        "Vervoer naar het werk regelen",
        (("Fiets via de fietsbank", "owner"), ("Fietsles of ov-kaart regelen", "owner")),
    ),
    "digital_skills": (
        "Digitaal zelfstandig worden",
        (("Cursus Klik & Tik volgen", "owner"), ("DigiD en e-mailadres aanmaken", "owner")),
    ),
    "other": (
        "Praktisch obstakel oplossen",
        (("Probleem en mogelijke oplossingen op een rij", "owner"),),
    ),
}
TREE_GOAL: tuple[str, tuple[tuple[str, str], ...]] = (
    "De boom in de tuin laten kappen",
    (
        ("Casus inbrengen in het Zeg JA Team", "wsp-delft"),
        ("Afspraak met de woningcorporatie over kappen en kosten", "sociaal-team"),
        ("Vrijwilligers helpen de tuin op te ruimen", "delft-voor-elkaar"),
    ),
)

#: Plan goals per preferred offer kind: (title, steps as (description, organisation slug)).
WORK_GOALS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "paid_job": (
        "Betaald werk vinden",
        (
            ("Cv bijwerken", "werkse"),
            ("Kennismaken bij het werkgeversservicepunt", "wsp-delft"),
            ("Sollicitatiegesprek oefenen", "werkse"),
        ),
    ),
    "supported_job": (
        "Aan het werk met begeleiding",
        (("Jobcoach aanvragen", "werkse"), ("Proefplaatsing bij een werkgever", "wsp-delft")),
    ),
    "volunteer": (
        "Vrijwilligerswerk starten",
        (
            ("Kennismaken bij Lekker Bezig", "lekker-bezig"),
            ("Vrijwilligersplek kiezen", "delft-voor-elkaar"),
        ),
    ),
    "day_activity": (
        "Dagritme opbouwen",
        (
            ("Dagbesteding uitproberen", "ipse-de-bruggen"),
            ("Vaste dagen afspreken", "ipse-de-bruggen"),
        ),
    ),
    "learning": (
        "Een opleiding of certificaat halen",
        (
            ("Intake bij de Leerwerkmakelaar", "leerwerkmakelaar"),
            ("Start opleiding", "leerwerkmakelaar"),
        ),
    ),
    "work_experience": (
        "Werkervaring opdoen",
        (("Werkervaringsplek zoeken", "werkse"), ("Evaluatie na drie maanden", "werkse")),
    ),
}
