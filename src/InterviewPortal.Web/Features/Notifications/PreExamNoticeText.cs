using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.Web.Features.Notifications;

/// <summary>What the candidate reads in WeLink about 20 minutes before the start (our own words, Chinese first).</summary>
public static class PreExamNoticeText
{
    public const string Title = "复试即将开始：请准备身份核验";

    public static string Compose(string candidateName, DateTime startsAtUtc, string roomName) =>
        $"{candidateName}同学：您的复试将于北京时间 {BeijingTime.Format(startsAtUtc)} 在“{roomName}”开始。" +
        "请现在准备身份核验：用手机拍一张身份证人像面（印有本人照片的一面）的清晰照片，登录面试门户，在“我的面试”中上传。" +
        "上传后请保持 WeLink 在线，考试助理核验通过后会邀请您进入考场会议。" +
        $"\nYour interview starts at {BeijingTime.Format(startsAtUtc)} Beijing time. Photograph the portrait side of your ID card and upload it in the portal now.";
}
