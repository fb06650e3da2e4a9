namespace FerMusic.Core.Fer2013;

/// <summary>The <c>Usage</c> column: train on Training, select on PublicTest, report PrivateTest.</summary>
public enum Fer2013Split
{
    Training,
    PublicTest,
    PrivateTest,
}
