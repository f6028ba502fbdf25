namespace InterviewPortal.Web.Infrastructure.Demo;

/// <summary>The demo university's shape: two colleges with real majors (national 6-digit codes) and one room each.</summary>
internal static class DemoUniversity
{
    public const string Password = "Demo#2026";

    public static readonly DemoCollege[] Colleges =
    [
        new("CS", "计算机科学与技术学院", "计算机学院 1号面试室",
            [("081200", "计算机科学与技术"), ("083500", "软件工程"), ("085400", "电子信息")],
            ["张教授", "李教授", "王副教授"]),
        new("EM", "经济与管理学院", "经管学院 1号面试室",
            [("020200", "应用经济学"), ("120100", "管理科学与工程"), ("125100", "工商管理")],
            ["赵教授", "钱教授", "孙副教授"]),
    ];

    public static readonly string[] FamilyNames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    public static readonly string[] GivenNames = ["子涵", "浩然", "欣怡", "宇轩", "梓萱", "俊杰", "诗雨", "博文", "雨桐", "思远", "佳琪", "明哲", "一诺", "天佑", "若曦"];
    public static readonly string[] Regions = ["110105", "310104", "440106", "510107", "330106", "420111", "320102", "610113"];
    public static readonly string[] MobilePrefixes = ["138", "139", "150", "186", "177", "135", "158", "199"];
}

internal sealed record DemoCollege(string Code, string Name, string RoomName, (string Code, string Name)[] Majors, string[] Examiners);
