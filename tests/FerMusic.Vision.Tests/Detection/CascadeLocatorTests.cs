using FerMusic.Tests.Vision;
using FerMusic.Vision.Detection;

namespace FerMusic.Vision.Tests.Detection;

public sealed class CascadeLocatorTests
{
    [Fact]
    public void A_cascade_path_that_does_not_exist_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CascadeLocator.Resolve("/nowhere/cascade.xml"));

        Assert.Contains("/nowhere/cascade.xml", error.Message);
    }

    [Fact]
    public void The_installed_cascade_is_found()
    {
        var path = InstalledCascade.Require();

        Assert.True(File.Exists(path));
        Assert.EndsWith(CascadeLocator.FileName, path);
    }
}
