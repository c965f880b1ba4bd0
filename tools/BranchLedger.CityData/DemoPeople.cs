namespace BranchLedger.CityData;

/// <summary>Display names for rosters, talks and honours: common surnames and given names, combined.</summary>
internal static class DemoPeople
{
    private static readonly string[] Surnames =
    [
        "张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢",
    ];

    private static readonly string[] GivenNames =
    [
        "伟", "娜", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
        "超", "秀英", "霞", "平", "刚", "桂英", "晨", "婷", "华", "鹏", "欣", "宇", "浩", "丹", "建国", "海燕",
        "志强", "丽华", "文博", "雪梅", "国庆", "晓东", "红梅", "佳怡",
    ];

    /// <summary><paramref name="count"/> different names in a random order.</summary>
    public static IReadOnlyList<string> Draw(DemoRandom random, int count)
    {
        var names = new List<string>(count);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            var name = random.Pick(Surnames) + random.Pick(GivenNames);
            if (taken.Add(name))
            {
                names.Add(name);
            }
        }

        return names;
    }
}
