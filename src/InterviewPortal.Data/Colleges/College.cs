namespace InterviewPortal.Data.Colleges;

public class College
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? WeLinkDepartmentId { get; set; }
    public List<Major> Majors { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}
