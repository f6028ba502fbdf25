namespace InterviewPortal.Web.Pages.Schedule;

/// <summary>One of the schedule page's forms: its handler (also the field prefix), title, values, room choices and form-level errors.</summary>
public sealed record SlotFieldsModel(string Handler, string Title, SlotForm Form, List<(int Id, string Name)> Rooms,
    IEnumerable<string> Errors);
