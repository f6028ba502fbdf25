namespace InterviewPortal.Data.Colleges;

public class Major
{
    public int Id { get; set; }
    public int CollegeId { get; set; }
    public College College { get; set; } = null!;

    /// <summary>The national 6-digit major code (专业代码).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? WeLinkDepartmentId { get; set; }
}
