package synth

// cityDepts are the municipal departments of a typical prefecture-level city.
var cityDepts = []string{
	"发展和改革委员会", "经济和信息化局", "教育局", "科学技术局", "公安局", "民政局", "司法局", "财政局",
	"人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
	"农业农村局", "商务局", "文化广电旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局",
	"市场监督管理局", "统计局", "医疗保障局", "林业局", "体育局", "信访局", "机关事务管理局", "投资促进局",
	"行政审批局", "大数据局", "国有资产监督管理委员会", "民族宗教事务局", "档案局", "供销合作社",
	"城市管理行政执法局", "粮食和物资储备局", "地方金融监督管理局", "人民防空办公室", "公共资源交易中心",
}

// counties are the districts and counties of the demo city.
var counties = []string{
	"利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县", "东城区", "西城区", "南湖区",
	"北山区", "高新区", "经济开发区", "云溪县", "石门县", "清河县", "白水县", "龙泉县", "安平县", "临江县",
}

// deptCodes are short codes for cityDepts, in the same order.
var deptCodes = []string{
	"FGW", "JXW", "JYJ", "KJJ", "GAJ", "MZJ", "SFJ", "CZJ", "RSJ", "ZRJ", "STJ", "ZJJ", "JTJ", "SLJ",
	"NYJ", "SWJ", "WLJ", "WJW", "TYJ", "YJJ", "SJJ", "SCJ", "TJJ", "YBJ", "LYJ", "TIJ", "XFJ", "JGJ", "TCJ",
	"SPJ", "DSJ", "GZW", "MZW", "DAJ", "GXS", "CGJ", "LSJ", "JRJ", "RFB", "JYZ",
}
