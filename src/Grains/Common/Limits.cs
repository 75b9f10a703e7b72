namespace Community.Grains.Common;

/// <summary>The limits of the client contract.</summary>
public static class Limits
{
    public const int HandleMin = 3;
    public const int HandleMax = 32;
    public const int DisplayNameMax = 64;
    public const int PasswordMin = 10;
    public const int PasswordMax = 1024;
    public const int TextMax = 4000;
    public const int RoomNameMax = 80;
    public const int TopicMax = 500;
    public const int NoticeMax = 500;
    public const int ClientMsgIdMax = 64;
    public const int HeadlineMax = 140;
    public const int BioMax = 2000;
    public const int CompanyMax = 120;
    public const int StatusMax = 140;
    public const int ListItems = 20;
    public const int ListItemMax = 64;
    public const int PageDefault = 50;
    public const int PageMax = 100;
}
