namespace InterviewPortal.Data;

/// <summary>
/// A move the domain refuses (an illegal lifecycle step, a rehearsal outcome on an exam...).
/// The web layer turns it into a 409 problem with <see cref="Exception.Message"/> as the detail.
/// </summary>
public sealed class DomainRuleException(string message) : Exception(message);
