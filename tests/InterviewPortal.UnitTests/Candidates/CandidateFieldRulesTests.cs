using InterviewPortal.Web.Features.CandidateAuth;
using InterviewPortal.Web.Features.Candidates;
using InterviewPortal.Web.Features.Import;
using InterviewPortal.Web.Infrastructure.Localization;

namespace InterviewPortal.UnitTests.Candidates;

/// <summary>One phone rule and one name rule, and every entry point (form, import, sign-in) answering by them.</summary>
public class CandidateFieldRulesTests
{
    public static TheoryData<string, bool> Phones() => new()
    {
        { "13800138000", true },
        { "19912345678", true },
        { " 13800138000 ", true }, // every entry point trims first
        { "12800138000", false },
        { "1380013800", false },
        { "138001380001", false },
        { "1380013800a", false },
        { "1380013800０", false }, // a full-width digit: a \d regex took it
        { "١٣٨٠٠١٣٨٠٠٠", false }, // Arabic-Indic digits: likewise
        { "+8613800138000", false },
        { "", false },
    };

    [Theory]
    [MemberData(nameof(Phones))]
    public void A_mobile_number_is_11_ascii_digits_starting_13_to_19(string phone, bool valid)
    {
        Assert.Equal(valid, MobilePhone.IsValid(phone));
        Assert.Equal(valid, CandidateRules.CheckPhone(phone) is null);
    }

    [Theory]
    [MemberData(nameof(Phones))]
    public void Sign_in_the_candidate_form_and_the_import_take_the_same_numbers(string phone, bool valid)
    {
        Assert.Equal(valid, new SignInCodeValidator().Validate(new SignInCodeRequest(phone)).IsValid);
        Assert.Equal(valid, new CandidateTokenValidator().Validate(new CandidateTokenRequest(phone, "123456")).IsValid);
        Assert.Equal(valid, !new CandidateInputValidator().Validate(Input(phone: phone)).Errors.Any(e => e.PropertyName == "Phone"));
        Assert.Equal(valid, ImportErrors(phone: phone.Trim()).All(e => e.Column != "手机号"));
    }

    public static TheoryData<string, string?> Names() => new()
    {
        { "张三", null },
        { "Zhang San", null },
        { new string('名', 50), null },
        { " " + new string('名', 50) + " ", null },
        { new string('名', 51), "The name has at most 50 characters." },
        { "", "The name is required." },
        { "   ", "The name is required." },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_name_is_required_and_at_most_50_characters_once_trimmed(string name, string? englishError)
    {
        var expected = englishError switch
        {
            null => null,
            "The name is required." => Lang.Pick("姓名不能为空", englishError),
            _ => Lang.Pick("姓名最多50个字符", englishError),
        };
        Assert.Equal(expected, CandidateRules.CheckName(name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_candidate_form_and_the_import_judge_a_name_alike(string name, string? englishError)
    {
        var form = new CandidateInputValidator().Validate(Input(name: name)).Errors.Where(e => e.PropertyName == "Name").Select(e => e.ErrorMessage).ToList();
        // An import reader trims every cell (CsvTable, XlsxTable) before the checks see it.
        var import = ImportErrors(name: name.Trim()).Where(e => e.Column == "姓名").Select(e => e.Message).ToList();
        Assert.Equal(form, import);
        Assert.Equal(englishError is null, form.Count == 0);
    }

    private static CandidateInput Input(string? name = "张三", string? phone = "13800138000") =>
        new("104872026000001", name, "11010519491231002X", phone, 1);

    private static List<ImportError> ImportErrors(string name = "张三", string phone = "13800138000")
    {
        var errors = new List<ImportError>();
        var columns = ImportColumns.Map(["考生编号", "姓名", "证件号码", "手机号", "专业代码"], errors);
        var row = new ImportRow(2, [new("104872026000001"), new(name), new("11010519491231002X"), new(phone), new("081200")]);
        new RowChecks(columns, errors).Row(row, new Dictionary<string, (int Id, int CollegeId)> { ["081200"] = (1, 1) });
        return errors;
    }
}
