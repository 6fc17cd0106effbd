package gen

// Curated is the curation gen_countries.go applies to world-countries
// 5.1.0. The Chinese names of capitals are the standard Xinhua forms,
// written from knowledge (SOURCES.md); the rest are editorial decisions,
// each with its reason.
var Curated = Curation{
	// Observer and partly recognised states that news treats as actors.
	Sovereign: []string{"PSE", "VAT", "XKX", "TWN"},
	Deny: map[string][]string{
		// Demonyms: shared or ambiguous in running text.
		"*": {
			"Guinean", "Guineans", // Guinea, Guinea-Bissau, Equatorial Guinea, Papua New Guinea
			"Korean", "Koreans", // North and South
			"Central African", "Central Africans", // the region
			"Micronesian", "Micronesians", // the region
			"Poles",       // common noun at the start of a sentence
			"Georgians",   // also people of the US state
			"Indians",     // also Native Americans
			"Turks",       // Turks and Caicos
			"Samoans",     // also American Samoans
			"Dominican",   // Dominica and the Dominican Republic
			"Congolese",   // both Congos
			"Antarctican", // not a state
			"Congo", "刚果", // both Congos; 刚果（布） is the Republic's
			"Macedonia", "Macedonian", "Macedonians", // the Greek region; North Macedonian is kept
			"Timor",             // the island, shared with Indonesia
			"Emirates",          // the airline
			"Island", "Holland", // Iceland's native name; Holland is the provinces (NLD keeps its curated alias)
			"Saudi",           // added as a demonym below, not as an alternative name
			"Lao",             // added as a demonym below (Lao PDR stays)
			"Victoria",        // Seychelles: first name, Australian state, Hong Kong
			"Kingston", "金斯敦", // Jamaica: Kingston upon Thames, Ontario; 金斯敦 is also Kingstown
			"Kingstown",        // see Kingston
			"Santiago", "圣地亚哥", // Chile: first name, many cities
			"San José", "San Jose", "圣何塞", // Costa Rica: the Californian city
			"Georgetown", "乔治敦", // Guyana: Washington's Georgetown, the university, Penang
			"St. John's", "Saint John's", "圣约翰", // Antigua: Newfoundland
			"St. George's", "圣乔治", // Grenada: common place name
			"Moroni",          // Comoros: surname
			"Male",            // Maldives: the English word (Malé is kept)
			"Tripoli", "的黎波里", // Libya: also the Lebanese city
			"Sana'a", "Sanaa", "萨那", // Yemen: held by the Houthis, not the government
			"Jerusalem", "耶路撒冷", // Israel: contested; ISR keeps its curated English alias
			"万象",                        // Vientiane: also a common word
			"Sucre",                     // Bolivia: the government sits in La Paz
			"Praia",                     // Cape Verde: Portuguese word for beach, many places
			"Bloemfontein", "Cape Town", // South Africa: Pretoria is the seat of government
			"Nassau",     // Bahamas: Nassau County, the German house
			"Roseau",     // Dominica: a town in Minnesota too; rare
			"Lima",       // Peru: also the NATO letter and a surname
			"Wellington", // New Zealand: first name, Duke; 惠灵顿 is kept
			"Vatican City State", "Holy See (Vatican City State)",
			"Hamilton", "Douglas", "Stanley", "Jamestown", "The Valley", // territories' capitals (not added anyway)
		},
		// Forms of world-countries that are traditional Chinese or not the
		// usual Chinese name.
		"MKD": {"北馬其頓", "北馬其頓共和國"},
		"BES": {"荷蘭加勒比區"},
		// 多米尼加 is the Dominican Republic in Chinese news; Dominica is 多米尼克.
		"DMA": {"多米尼加", "多米尼加共和国"},
		"BRN": {"Nation of Brunei, Abode of Peace", "the Abode of Peace", "Nation of Brunei"},
		"SJM": {"Svalbard og Jan Mayen"},
		"VGB": {"Virgin Islands"}, // the US Virgin Islands too
		"GUF": {"Guiana"},         // the region, and Guyana
		"MAF": {"圣马丁"},            // the island is shared with SXM
		"SXM": {"圣马丁岛"},
	},
	Seats: map[string][]string{
		"BOL": {"La Paz"},
		"BEN": {"Cotonou", "Porto-Novo"},
		"CIV": {"Abidjan", "Yamoussoukro"},
		"ZAF": {"Pretoria"},
		"MYS": {"Kuala Lumpur", "Putrajaya"},
		"LKA": {"Colombo"},
		"SWZ": {"Mbabane"},
		"KIR": {"Tarawa", "South Tarawa"},
		"MNG": {"Ulaanbaatar", "Ulan Bator"},
		"KAZ": {"Astana", "Nur-Sultan"},
		"NLD": {"The Hague"},
		"ISR": {},
		"PSE": {"Ramallah"},
		"TWN": {"Taipei"},
		"XKX": {"Pristina", "Prishtina"},
		"USA": {"Washington", "Washington, D.C."},
		"UKR": {"Kyiv", "Kiev"},
		"MMR": {"Naypyidaw", "Nay Pyi Taw", "Naypyitaw"},
		"CHE": {"Bern", "Berne"},
		"MDV": {"Malé"},
		"VAT": {"Vatican City"},
		"TUR": {"Ankara"},
		"YEM": {},
	},
	Demonyms: map[string][]string{
		"KGZ": {"Kyrgyz", "Kyrgyzstani"},
		"TJK": {"Tajik", "Tajikistani"},
		"LAO": {"Lao"},
		"UZB": {"Uzbek"},
		"KAZ": {"Kazakh"},
		"MDV": {"Maldivian"},
		"CPV": {"Cape Verdean"},
		"ECU": {"Ecuadorian"},
		"COM": {"Comorian"},
		"DJI": {"Djiboutian"},
		"GNB": {"Bissau-Guinean"},
		"SAU": {"Saudi"},
		"GBR": {"Briton"},
		"DNK": {"Dane"},
		"FIN": {"Finn"},
		"SWE": {"Swede"},
		"PHL": {"Philippine"},
		"SVN": {"Slovenian"},
		"SVK": {"Slovakian"},
		"NPL": {"Nepali"},
		"BFA": {"Burkinabé"},
		"BWA": {"Batswana"},
		"LSO": {"Basotho"},
		"CZE": {"Czech"},
		"MKD": {"North Macedonian"},
		"PSE": {"Palestinian"},
		"TWN": {"Taiwanese"},
		"XKX": {"Kosovan"},
		"TLS": {"Timorese"},
		"SLV": {"Salvadorean"},
		"MCO": {"Monégasque"},
	},
	Alt: map[string][]string{
		"MMR": {"Burma"},
		"SWZ": {"Swaziland"},
		"TLS": {"East Timor"},
		"CIV": {"Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"},
		"CPV": {"Cabo Verde", "Cape Verde"},
		"VNM": {"Viet Nam"},
		"LAO": {"Lao PDR"},
		"BRN": {"Brunei Darussalam"},
		"CZE": {"Czech Republic"},
		"TUR": {"Turkey", "Türkiye", "Turkiye"},
		"RUS": {"Russian Federation"},
		"SYR": {"Syrian Arab Republic"},
		"IRN": {"Islamic Republic of Iran"},
		"VAT": {"Holy See", "the Holy See", "Vatican"},
		"FSM": {"Federated States of Micronesia"},
		"MKD": {"North Macedonia", "Republic of North Macedonia"},
		"GBR": {"Britain"},
		"BIH": {"Bosnia-Herzegovina"},
		"STP": {"Sao Tome and Principe"},
		"KNA": {"St Kitts and Nevis", "St. Kitts and Nevis"},
		"LCA": {"St Lucia", "St. Lucia"},
		"VCT": {"St Vincent and the Grenadines", "St. Vincent and the Grenadines"},
		"GMB": {"The Gambia", "the Gambia"},
		"BHS": {"The Bahamas", "the Bahamas"},
	},
	Zh: map[string][]string{
		"AFG": {"喀布尔"}, "ALB": {"地拉那"}, "DZA": {"阿尔及尔"}, "AND": {"安道尔城"}, "AGO": {"罗安达"},
		"ARG": {"布宜诺斯艾利斯"}, "ARM": {"埃里温"}, "AUS": {"堪培拉"}, "AUT": {"维也纳"}, "AZE": {"巴库"},
		"BHS": {"拿骚"}, "BHR": {"麦纳麦"}, "BGD": {"达卡"}, "BRB": {"布里奇顿"}, "BLR": {"明斯克"},
		"BEL": {"布鲁塞尔"}, "BLZ": {"贝尔莫潘"}, "BEN": {"科托努", "波多诺伏"}, "BTN": {"廷布"}, "BOL": {"拉巴斯"},
		"BIH": {"萨拉热窝"}, "BWA": {"哈博罗内"}, "BRA": {"巴西利亚"}, "BRN": {"斯里巴加湾市"}, "BGR": {"索非亚"},
		"BFA": {"瓦加杜古"}, "BDI": {"基特加"}, "KHM": {"金边"}, "CMR": {"雅温得"},
		"CAN": {"渥太华"}, "CAF": {"班吉"}, "TCD": {"恩贾梅纳"}, "COL": {"波哥大"}, "COM": {"莫罗尼"},
		"CIV": {"阿比让", "亚穆苏克罗"}, "HRV": {"萨格勒布"}, "CUB": {"哈瓦那"}, "CYP": {"尼科西亚"}, "CZE": {"布拉格"},
		"DNK": {"哥本哈根"}, "DMA": {"罗索"}, "DOM": {"圣多明各"}, "ECU": {"基多"}, "EGY": {"开罗"},
		"SLV": {"圣萨尔瓦多"}, "GNQ": {"马拉博"}, "ERI": {"阿斯马拉"}, "EST": {"塔林"}, "SWZ": {"姆巴巴内"},
		"ETH": {"亚的斯亚贝巴"}, "FJI": {"苏瓦"}, "FIN": {"赫尔辛基"}, "FRA": {"巴黎"}, "GAB": {"利伯维尔"},
		"GMB": {"班珠尔"}, "GEO": {"第比利斯"}, "DEU": {"柏林"}, "GHA": {"阿克拉"}, "GRC": {"雅典"},
		"GTM": {"危地马拉城"}, "GIN": {"科纳克里"}, "GNB": {"比绍"}, "HTI": {"太子港"}, "HND": {"特古西加尔巴"},
		"HUN": {"布达佩斯"}, "ISL": {"雷克雅未克"}, "IND": {"新德里"}, "IDN": {"雅加达"}, "IRN": {"德黑兰"},
		"IRQ": {"巴格达"}, "IRL": {"都柏林"}, "ITA": {"罗马"}, "JPN": {"东京"}, "JOR": {"安曼"},
		"KAZ": {"阿斯塔纳"}, "KEN": {"内罗毕"}, "KIR": {"塔拉瓦"}, "KWT": {"科威特城"}, "KGZ": {"比什凯克"},
		"LVA": {"里加"}, "LBN": {"贝鲁特"}, "LSO": {"马塞卢"}, "LBR": {"蒙罗维亚"}, "LIE": {"瓦杜兹"},
		"LTU": {"维尔纽斯"}, "MDG": {"塔那那利佛"}, "MWI": {"利隆圭"}, "MYS": {"吉隆坡"}, "MDV": {"马累"},
		"MLI": {"巴马科"}, "MLT": {"瓦莱塔"}, "MHL": {"马朱罗"}, "MRT": {"努瓦克肖特"}, "MUS": {"路易港"},
		"MEX": {"墨西哥城"}, "FSM": {"帕利基尔"}, "MDA": {"基希讷乌"}, "MNG": {"乌兰巴托"}, "MNE": {"波德戈里察"},
		"MAR": {"拉巴特"}, "MOZ": {"马普托"}, "MMR": {"内比都"}, "NAM": {"温得和克"}, "NPL": {"加德满都"},
		"NLD": {"海牙"}, "NZL": {"惠灵顿"}, "NIC": {"马那瓜"}, "NER": {"尼亚美"}, "NGA": {"阿布贾"},
		"PRK": {"平壤"}, "MKD": {"斯科普里"}, "NOR": {"奥斯陆"}, "OMN": {"马斯喀特"}, "PAK": {"伊斯兰堡"},
		"PAN": {"巴拿马城"}, "PNG": {"莫尔兹比港"}, "PRY": {"亚松森"}, "PER": {"利马"}, "PHL": {"马尼拉"},
		"POL": {"华沙"}, "PRT": {"里斯本"}, "QAT": {"多哈"}, "ROU": {"布加勒斯特"}, "RUS": {"莫斯科"},
		"RWA": {"基加利"}, "KNA": {"巴斯特尔"}, "LCA": {"卡斯特里"}, "WSM": {"阿皮亚"}, "STP": {"圣多美"},
		"SAU": {"利雅得"}, "SEN": {"达喀尔"}, "SRB": {"贝尔格莱德"}, "SLE": {"弗里敦"}, "SVK": {"布拉迪斯拉发"},
		"SVN": {"卢布尔雅那"}, "SLB": {"霍尼亚拉"}, "SOM": {"摩加迪沙"}, "ZAF": {"比勒陀利亚"}, "KOR": {"首尔"},
		"SSD": {"朱巴"}, "ESP": {"马德里"}, "LKA": {"科伦坡"}, "SDN": {"喀土穆"}, "SUR": {"帕拉马里博"},
		"SWE": {"斯德哥尔摩"}, "CHE": {"伯尔尼"}, "SYR": {"大马士革"}, "TJK": {"杜尚别"}, "TZA": {"多多马"},
		"THA": {"曼谷"}, "TLS": {"帝力"}, "TGO": {"洛美"}, "TON": {"努库阿洛法"}, "TTO": {"西班牙港"},
		"TUR": {"安卡拉"}, "TKM": {"阿什哈巴德"}, "TUV": {"富纳富提"}, "UGA": {"坎帕拉"}, "UKR": {"基辅"},
		"GBR": {"伦敦"}, "USA": {"华盛顿"}, "URY": {"蒙得维的亚"}, "UZB": {"塔什干"}, "VUT": {"维拉港"},
		"VAT": {"梵蒂冈城", "教廷"}, "VEN": {"加拉加斯"}, "VNM": {"河内"}, "ZMB": {"卢萨卡"}, "ZWE": {"哈拉雷"},
		"CHL": {}, "CRI": {}, "LBY": {}, "YEM": {}, "JAM": {}, "VCT": {}, "GRD": {}, "ATG": {}, "GUY": {},
		"NRU": {}, "PLW": {"恩吉鲁穆德"}, "CPV": {}, "SYC": {},
		"PSE": {"拉姆安拉"}, "TWN": {"台北"}, "XKX": {"普里什蒂纳"}, "LUX": {}, "MCO": {}, "SGP": {}, "SMR": {},
		"LAO": {}, "TUN": {}, "DJI": {}, "CHN": {"北京"}, "ISR": {},
	},
	NoPlural: []string{"Lao", "Viet", "Burkinabe", "Burkinabé", "Batswana", "Basotho", "Motswana", "Mosotho",
		"Malagasy", "Saudi Arabian", "Philippine", "Vatican", "Djibouti", "Sahrawi", "I-Kiribati",
		"Ni-Vanuatu", "Kirghiz", "Tadzhik", "Turkmen", "Nevisian", "Barbudan", "Herzegovinian",
		"Monégasque", "Monegasque"},
	Plural: map[string]string{
		"Filipino": "Filipinos", "Czech": "Czechs", "Briton": "Britons", "Dane": "Danes", "Finn": "Finns",
		"Swede": "Swedes", "Kittitian": "Kittitians", "Somali": "Somalis", "Swazi": "Swazis",
		"Bosnian": "Bosnians", "Antiguan": "Antiguans", "Dutchman": "", "Kiwi": "",
	},
}
