using InterviewPortal.Data;
using InterviewPortal.Data.Pledges;
using Microsoft.EntityFrameworkCore;

namespace InterviewPortal.Web.Features.Pledges;

/// <summary>
/// The demo university's first pledge version, confirmed by every demo candidate except the last
/// <see cref="UnconfirmedPerCollege"/> of each college, so the photo upload and the invitation work in
/// the demo while the college view still has someone to remind.
/// </summary>
public static class DemoPledge
{
    public const int UnconfirmedPerCollege = 3;

    public const string TextZh = """
        研究生复试考试须知与诚信承诺书

        一、复试时请独自在安静、明亮、封闭的房间内参加，除复试所需的两台设备外，视野内不得有书籍、资料或其他电子设备。
        二、复试开始前按考试助理的通知提交身份证人像面照片，身份核验通过后，由考试助理邀请进入复试会议。
        三、主机位与辅机位在整个复试过程中保持开启，不得离开画面，不得使用耳机，不得录音、录像、截屏或转播复试内容。
        四、复试结束后由考试助理将您移出会议，请勿自行离开。
        五、复试会议可能全程录像，录像仅用于复试管理与复核，按规定期限保存后删除。

        本人已阅读并理解上述须知，承诺所提交的信息真实准确，独立完成复试，不作弊、不请他人代考、不泄露复试内容。如有违反，愿意承担取消复试资格或录取资格等后果。
        """;

    public const string TextEn = """
        Exam rules and integrity pledge for the graduate re-examination interview

        1. Take the interview alone in a quiet, bright, closed room. Apart from the two devices the interview needs, no books, notes or other electronic devices may be in view.
        2. Before the interview, send the portrait side of your ID card when the exam assistant asks; once your identity is verified, the assistant invites you into the interview meeting.
        3. Keep the main and the second camera on for the whole interview, stay in view, use no headphones, and do not record, photograph, screenshot or broadcast the interview.
        4. The exam assistant removes you from the meeting at the end; do not leave on your own.
        5. The interview meeting may be recorded in full. Recordings serve only the running and review of the interview and are deleted after the retention period.

        I have read and understood these rules. I pledge that the information I gave is true, that I take the interview on my own, without cheating, without anyone sitting it for me, and without disclosing its content. If I break this pledge, I accept the consequences, up to losing my place in the interview or my admission.
        """;

    public static async Task SeedAsync(PortalDbContext db, CancellationToken ct)
    {
        if (await db.PledgeVersions.AnyAsync(ct))
            return;
        var now = DateTime.UtcNow;
        db.PledgeVersions.Add(new PledgeVersion { Version = 1, TextZh = TextZh, TextEn = TextEn, CreatedAt = now, CreatedBy = "admin" });
        var byCollege = await db.Candidates.IgnoreQueryFilters().AsNoTracking()
            .Select(c => new { c.Id, c.CollegeId, c.ExamNumber }).ToListAsync(ct);
        foreach (var college in byCollege.GroupBy(c => c.CollegeId))
        {
            var confirming = college.OrderBy(c => c.ExamNumber).SkipLast(UnconfirmedPerCollege);
            db.PledgeConfirmations.AddRange(confirming.Select(c => new PledgeConfirmation { CandidateId = c.Id, Version = 1, ConfirmedAt = now, IpAddress = "demo" }));
        }
        await db.SaveChangesAsync(ct);
    }
}
