using System.Globalization;
using System.Text;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.Web.Features.Exports;

/// <summary>
/// The schedule as an iCalendar file (RFC 5545): times in Asia/Shanghai with its VTIMEZONE (UTC+8, no daylight
/// saving), text escaped, lines folded at 75 octets without splitting a UTF-8 character, CRLF line ends.
/// </summary>
public static class ScheduleCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string Zone = "Asia/Shanghai";

    public static byte[] Write(string calendarName, IEnumerable<(ScheduleRow Row, IReadOnlyList<string> Examiners)> events, DateTime stampUtc)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//InterviewPortal//Schedule//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName), "X-WR-TIMEZONE:" + Zone,
            "BEGIN:VTIMEZONE", "TZID:" + Zone, "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE",
        };
        foreach (var (row, examiners) in events)
        {
            var kind = row.Kind == InterviewKind.Rehearsal ? "演练 Rehearsal" : "复试 Interview";
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                $"UID:interview-{row.Id}@interview-portal",
                "DTSTAMP:" + stampUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
                $"DTSTART;TZID={Zone}:" + Local(row.StartsAt),
                $"DTEND;TZID={Zone}:" + Local(row.EndsAt),
                "SUMMARY:" + Escape($"{kind}: {row.ExamNumber} {row.CandidateName}"),
                "LOCATION:" + Escape(row.RoomName),
                "DESCRIPTION:" + Escape($"{row.MajorCode} {row.MajorName}\nExaminers: {string.Join(", ", examiners)}\nStatus: {row.Status}"),
                "STATUS:" + (row.Status == InterviewStatus.Cancelled ? "CANCELLED" : "CONFIRMED"),
                "END:VEVENT",
            ]);
        }
        lines.Add("END:VCALENDAR");

        var text = new StringBuilder();
        foreach (var line in lines)
            Fold(line, text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Local(DateTime utc) => BeijingTime.ToLocal(utc).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    /// <summary>Writes a content line folded so that no physical line exceeds 75 octets (the continuation's leading space counts).</summary>
    public static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 1;
            }
            output.Append(line, i, width);
            octets += size;
            i += width - 1;
        }
        output.Append("\r\n");
    }
}
