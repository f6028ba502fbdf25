using System.Text;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Import;
using InterviewPortal.Web.Features.Interviews;

namespace InterviewPortal.UnitTests.Import;

public class CandidateRulesTests
{
    private static string Id(string first17) => first17 + CandidateRules.CheckDigit(first17);

    [Fact]
    public void A_lower_case_x_check_digit_is_valid_and_normalized_to_upper_case()
    {
        var id = Id("11010519491231002");
        Assert.EndsWith("X", id, StringComparison.Ordinal);
        Assert.Null(CandidateRules.CheckIdNumber(id.ToLowerInvariant()));
        Assert.Equal(id, CandidateRules.NormalizeIdNumber(" " + id.ToLowerInvariant() + " "));
    }

    [Fact]
    public void The_29th_of_February_is_a_birth_date_only_in_leap_years()
    {
        Assert.Null(CandidateRules.CheckIdNumber(Id("11010520000229001")));
        Assert.Null(CandidateRules.CheckIdNumber(Id("11010519960229001")));
        Assert.NotNull(CandidateRules.CheckIdNumber(Id("11010519990229001")));
        Assert.NotNull(CandidateRules.CheckIdNumber(Id("11010519000229001")));
        Assert.NotNull(CandidateRules.CheckIdNumber(Id("11010519991301001")));
    }

    [Fact]
    public void A_17_character_number_and_a_wrong_check_digit_are_refused()
    {
        var id = Id("11010519990101001");
        Assert.Null(CandidateRules.CheckIdNumber(id));
        Assert.NotNull(CandidateRules.CheckIdNumber(id[..17]));
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');
        Assert.NotNull(CandidateRules.CheckIdNumber(wrong));
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("19912345678", true)]
    [InlineData("12800138000", false)]
    [InlineData("1380013800", false)]
    [InlineData("138001380001", false)]
    [InlineData("1380013800a", false)]
    public void Mobile_numbers_are_11_digit_mainland_numbers(string phone, bool valid) =>
        Assert.Equal(valid, CandidateRules.CheckPhone(phone) is null);

    [Theory]
    [InlineData("104872026000001", true)]
    [InlineData("10487202600000", false)]
    [InlineData("1048720260000011", false)]
    [InlineData("10487202600000X", false)]
    public void Exam_numbers_are_15_digits(string exam, bool valid) => Assert.Equal(valid, CandidateRules.CheckExamNumber(exam) is null);

    [Theory]
    [InlineData("104872026000001", "104872026000001")]
    [InlineData("13800138000.0", "13800138000")]
    [InlineData("1.3800138001E+10", "13800138001")]
    public void Number_cells_with_all_their_digits_come_back_whole(string raw, string expected)
    {
        var cell = NumericCell.FromRaw(raw);
        Assert.Null(cell.Error);
        Assert.Equal(expected, cell.Value);
    }

    [Theory]
    [InlineData("1.04872026E+14")]
    [InlineData("1.3800138E+10")]
    [InlineData("1.10105199901011E+17")]
    [InlineData("110105199901010000")]
    public void Number_cells_that_lost_digits_are_refused_with_a_message(string raw) => Assert.NotNull(NumericCell.FromRaw(raw).Error);

    [Theory]
    [InlineData("08:30-12:00,14:00-18:00", true)]
    [InlineData("8:30-12:00", true)]
    [InlineData("12:00-08:30", false)]
    [InlineData("08:30-12:00,11:00-18:00", false)]
    [InlineData("08:30", false)]
    [InlineData("", false)]
    public void Daily_windows_are_ordered_non_overlapping_ranges(string text, bool valid) =>
        Assert.Equal(valid, DailyWindows.TryParse(text, out _, out _));

    [Fact]
    public void Csv_text_is_read_as_utf8_with_or_without_bom_and_otherwise_as_gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "考生编号,姓名\r\n104872026000001,欧阳娜娜\r\n";
        Assert.Equal(text, CsvTable.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]));
        Assert.Equal(text, CsvTable.Decode(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(text, CsvTable.Decode(Encoding.GetEncoding("GB18030").GetBytes(text)));
        var table = CsvTable.Read(Encoding.UTF8.GetBytes("a,\"b,c\",\"say \"\"hi\"\"\"\n1,\"two\nlines\",3\n"));
        Assert.Equal(["a", "b,c", "say \"hi\""], table.Headers);
        Assert.Equal("two\nlines", table.Rows[0].Cell(1).Value);
    }
}
