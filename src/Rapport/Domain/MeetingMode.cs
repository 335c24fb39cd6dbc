namespace Rapport.Domain;

public enum MeetingMode
{
    InPerson = 1,
    Phone = 2,
    Video = 3,
    Email = 4,
}
