using Jixiao.Domain.Organization;

namespace Jixiao.Features.Demo.Scale;

/// <summary>
/// The unit tree of the scale data set: 广东省司法厅 (440000), the justice bureaus of the 21 prefecture-level
/// cities and of the 122 county-level divisions (districts, counties, county-level cities; 东莞 and 中山 have none),
/// with their administrative division codes. 江门 and its seven counties are the demo's own units.
/// </summary>
public static class ProvinceUnits
{
    public const string ProvinceCode = "440000";

    public sealed record City(string Code, string Name, decimal Population, string CourtCode, IReadOnlyList<(string Code, string Name)> Counties);

    /// <summary>Cities with their resident population (millions, rounded; the weight of their caseload) and court code (粤NN).</summary>
    public static readonly IReadOnlyList<City> Cities =
    [
        new("440100", "广州市", 18.8m, "01", [("440103", "荔湾区"), ("440104", "越秀区"), ("440105", "海珠区"), ("440106", "天河区"), ("440111", "白云区"), ("440112", "黄埔区"), ("440113", "番禺区"), ("440114", "花都区"), ("440115", "南沙区"), ("440117", "从化区"), ("440118", "增城区")]),
        new("440200", "韶关市", 2.9m, "02", [("440203", "武江区"), ("440204", "浈江区"), ("440205", "曲江区"), ("440222", "始兴县"), ("440224", "仁化县"), ("440229", "翁源县"), ("440232", "乳源瑶族自治县"), ("440233", "新丰县"), ("440281", "乐昌市"), ("440282", "南雄市")]),
        new("440300", "深圳市", 17.7m, "03", [("440303", "罗湖区"), ("440304", "福田区"), ("440305", "南山区"), ("440306", "宝安区"), ("440307", "龙岗区"), ("440308", "盐田区"), ("440309", "龙华区"), ("440310", "坪山区"), ("440311", "光明区")]),
        new("440400", "珠海市", 2.5m, "04", [("440402", "香洲区"), ("440403", "斗门区"), ("440404", "金湾区")]),
        new("440500", "汕头市", 5.5m, "05", [("440507", "龙湖区"), ("440511", "金平区"), ("440512", "濠江区"), ("440513", "潮阳区"), ("440514", "潮南区"), ("440515", "澄海区"), ("440523", "南澳县")]),
        new("440600", "佛山市", 9.6m, "06", [("440604", "禅城区"), ("440605", "南海区"), ("440606", "顺德区"), ("440607", "三水区"), ("440608", "高明区")]),
        new("440700", "江门市", 4.8m, "07", [("440703", "蓬江区"), ("440704", "江海区"), ("440705", "新会区"), ("440781", "台山市"), ("440783", "开平市"), ("440784", "鹤山市"), ("440785", "恩平市")]),
        new("440800", "湛江市", 7.0m, "08", [("440802", "赤坎区"), ("440803", "霞山区"), ("440804", "坡头区"), ("440811", "麻章区"), ("440823", "遂溪县"), ("440825", "徐闻县"), ("440881", "廉江市"), ("440882", "雷州市"), ("440883", "吴川市")]),
        new("440900", "茂名市", 6.2m, "09", [("440902", "茂南区"), ("440904", "电白区"), ("440981", "高州市"), ("440982", "化州市"), ("440983", "信宜市")]),
        new("441200", "肇庆市", 4.1m, "12", [("441202", "端州区"), ("441203", "鼎湖区"), ("441204", "高要区"), ("441223", "广宁县"), ("441224", "怀集县"), ("441225", "封开县"), ("441226", "德庆县"), ("441284", "四会市")]),
        new("441300", "惠州市", 6.0m, "13", [("441302", "惠城区"), ("441303", "惠阳区"), ("441322", "博罗县"), ("441323", "惠东县"), ("441324", "龙门县")]),
        new("441400", "梅州市", 3.9m, "14", [("441402", "梅江区"), ("441403", "梅县区"), ("441422", "大埔县"), ("441423", "丰顺县"), ("441424", "五华县"), ("441426", "平远县"), ("441427", "蕉岭县"), ("441481", "兴宁市")]),
        new("441500", "汕尾市", 2.7m, "15", [("441502", "城区"), ("441521", "海丰县"), ("441523", "陆河县"), ("441581", "陆丰市")]),
        new("441600", "河源市", 2.8m, "16", [("441602", "源城区"), ("441621", "紫金县"), ("441622", "龙川县"), ("441623", "连平县"), ("441624", "和平县"), ("441625", "东源县")]),
        new("441700", "阳江市", 2.6m, "17", [("441702", "江城区"), ("441704", "阳东区"), ("441721", "阳西县"), ("441781", "阳春市")]),
        new("441800", "清远市", 4.0m, "18", [("441802", "清城区"), ("441803", "清新区"), ("441821", "佛冈县"), ("441823", "阳山县"), ("441825", "连山壮族瑶族自治县"), ("441826", "连南瑶族自治县"), ("441881", "英德市"), ("441882", "连州市")]),
        new("441900", "东莞市", 10.5m, "19", []),
        new("442000", "中山市", 4.4m, "20", []),
        new("445100", "潮州市", 2.6m, "51", [("445102", "湘桥区"), ("445103", "潮安区"), ("445122", "饶平县")]),
        new("445200", "揭阳市", 5.6m, "52", [("445202", "榕城区"), ("445203", "揭东区"), ("445222", "揭西县"), ("445224", "惠来县"), ("445281", "普宁市")]),
        new("445300", "云浮市", 2.4m, "53", [("445302", "云城区"), ("445303", "云安区"), ("445321", "新兴县"), ("445322", "郁南县"), ("445381", "罗定市")]),
    ];

    /// <summary>A unit of the generated tree with the share of the province's caseload it handles.</summary>
    /// <summary>
    /// A unit of the generated tree with the share of the province's caseload it handles, the place its agencies are
    /// named after, the basic court that hears lawsuits against them and the intermediate court above it (which also
    /// hears those against a people's government).
    /// </summary>
    public sealed record Planned(string Code, string Name, string ShortName, UnitLevel Level, string? ParentCode, int Sort, decimal Weight, string Place,
        (string Name, string Code) Court, (string Name, string Code) Intermediate);

    /// <summary>
    /// Every unit with its weight: the province handles 3 % of the cases itself; a city's share follows its
    /// population, 40 % of it at the city bureau and 60 % spread over its counties (all of it at the bureau of a
    /// city without counties), so that a city handles several times what a county does.
    /// </summary>
    public static IReadOnlyList<Planned> All()
    {
        var total = Cities.Sum(c => c.Population);
        var list = new List<Planned> { new(ProvinceCode, "广东省司法厅", "省司法厅", UnitLevel.Province, null, 0, 0.03m, "广东省", ("广州铁路运输法院", "7101"), ("广州铁路运输中级法院", "71")) };
        foreach (var (city, i) in Cities.Select((c, i) => (c, i)))
        {
            var share = 0.97m * city.Population / total;
            var own = city.Counties.Count == 0 ? share : share * 0.4m;
            var intermediate = (city.Name + "中级人民法院", city.CourtCode);
            var first = city.Counties.Count == 0 ? null : CountyPlace(city, city.Counties[0].Name);
            var cityCourt = first is null ? (city.Name + "第一人民法院", city.CourtCode + "71") : (first + "人民法院", city.CourtCode + city.Counties[0].Code[4..]);
            list.Add(new(city.Code, city.Name + "司法局", city.Name, UnitLevel.City, ProvinceCode, i + 1, own, city.Name, cityCourt, intermediate));
            foreach (var (county, k) in city.Counties.Select((c, k) => (c, k)))
            {
                var place = CountyPlace(city, county.Name);
                var name = (county.Name == "城区" ? city.Name + county.Name : county.Name) + "司法局";
                list.Add(new(county.Code, name, county.Name, UnitLevel.County, city.Code, 11 + k, share * 0.6m / city.Counties.Count, place,
                    (place + "人民法院", city.CourtCode + county.Code[4..]), intermediate));
            }
        }

        return list;
    }

    /// <summary>The place name of a county's agencies: 广州市荔湾区 for a district, 始兴县 and 乐昌市 otherwise.</summary>
    private static string CountyPlace(City city, string county) => county.EndsWith('区') ? city.Name + county : county;
}
