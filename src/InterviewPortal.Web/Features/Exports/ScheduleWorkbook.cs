using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InterviewPortal.Data.Interviews;
using InterviewPortal.Web.Features.Interviews;
using InterviewPortal.Web.Infrastructure.Time;

namespace InterviewPortal.Web.Features.Exports;

/// <summary>
/// The schedule as an .xlsx workbook, one sheet per room, times in Beijing time written as text
/// ("2027-03-20", "09:00") so no spreadsheet shifts them by its own time zone or date system.
/// </summary>
public static class ScheduleWorkbook
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Header =
        ["日期 Date", "开始 Start", "结束 End", "考场 Room", "考生编号 Exam number", "姓名 Name", "专业 Major", "类型 Kind", "状态 Status", "面试编号 Interview"];

    public static byte[] Write(IReadOnlyList<RoomSchedule> rooms)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var room in rooms.Count > 0 ? rooms : [new RoomSchedule(0, "Schedule", 0, null, [], [])])
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(Header));
                foreach (var row in room.Rows)
                    data.Append(Row(Values(row)));
                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId, Name = SheetName(room, sheetId, used) });
                sheetId++;
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    public static string[] Values(ScheduleRow row)
    {
        var start = BeijingTime.ToLocal(row.StartsAt);
        var end = BeijingTime.ToLocal(row.EndsAt);
        return
        [
            start.ToString("yyyy-MM-dd", Inv), start.ToString("HH:mm", Inv), end.ToString("HH:mm", Inv), row.RoomName, row.ExamNumber,
            row.CandidateName, $"{row.MajorCode} {row.MajorName}", row.Kind == InterviewKind.Rehearsal ? "演练 Rehearsal" : "复试 Exam",
            row.Status.ToString(), row.Id.ToString(Inv),
        ];
    }

    private static Row Row(IEnumerable<string> values)
    {
        var row = new Row();
        foreach (var value in values)
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
        return row;
    }

    // Sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook.
    private static string SheetName(RoomSchedule room, uint n, HashSet<string> used)
    {
        var clean = new string(room.RoomName.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim();
        if (clean.Length == 0)
            clean = $"Room {n}";
        if (clean.Length > 28)
            clean = clean[..28];
        var name = clean;
        for (var k = 2; !used.Add(name); k++)
            name = $"{clean} {k}";
        return name;
    }
}
