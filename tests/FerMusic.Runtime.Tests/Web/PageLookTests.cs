using Deque.AxeCore.Playwright;
using FerMusic.Tests;
using Microsoft.Playwright;

namespace FerMusic.Runtime.Tests.Web;

/// <summary>
/// The page as a person sees it, measured on what Chromium draws: bars that fill to their percentages, the label
/// over the face inside the video, no overflow at a phone's, a laptop's and a desktop's size, a sentence of guidance
/// in every state, no serious accessibility violations, everything reachable by keyboard. Screenshots of each case are
/// saved as test artefacts (see <see cref="PageBrowser.ArtifactPath"/>).
/// </summary>
public sealed class PageLookTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public sealed class BarRow
    {
        public string Label { get; set; } = "";
        public double Percent { get; set; }
        public double Track { get; set; }
        public double Fill { get; set; }
    }

    public sealed class Box
    {
        public double Left { get; set; }
        public double Top { get; set; }
        public double Right { get; set; }
        public double Bottom { get; set; }

        public override string ToString() => $"({Left:0.0}, {Top:0.0})-({Right:0.0}, {Bottom:0.0})";
    }

    private static async Task<IPage> OpenLiveAsync(PageBrowser browser, string url, int width, int height)
    {
        var page = await browser.OpenAsync(url, width, height);
        await page.AddStyleTagAsync(new() { Content = "* { transition: none !important; }" });
        await page.WaitForFunctionAsync("document.getElementById('emotion').textContent === 'happy'", null, new() { Timeout = 30_000 });
        var frames = await page.EvaluateAsync<int>("Number(document.body.dataset.frames)");
        await page.WaitForFunctionAsync($"Number(document.body.dataset.frames) >= {frames + 2}", null, new() { Timeout = 10_000 });
        return page;
    }

    private static Task<Box> BoxOf(IPage page, string selector) => page.EvaluateAsync<Box>(
        $"(() => {{ const r = document.querySelector('{selector}').getBoundingClientRect(); return {{ left: r.left, top: r.top, right: r.right, bottom: r.bottom }}; }})()");

    public static TheoryData<int, int, string> Sizes => new()
    {
        { 390, 844, "phone" },
        { 1280, 800, "laptop" },
        { 1920, 1080, "desktop" },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task With_a_face_the_bars_fill_to_their_percentages_the_label_sits_on_the_video_and_nothing_overflows(int width, int height, string name)
    {
        var url = PageBrowser.FreeUrl();
        await using var app = await WebAppFixture.StartAsync(testServer: false, url: url);
        await using var browser = await PageBrowser.LaunchAsync(PageBrowser.Camera(_temp.Path, "obama.jpg"));
        var page = await OpenLiveAsync(browser, url, width, height);
        await page.ScreenshotAsync(new() { Path = PageBrowser.ArtifactPath($"page-{name}.png"), FullPage = true });

        var rows = await page.EvaluateAsync<BarRow[]>(
            "[...document.querySelectorAll('#bars li')].map(li => ({ label: li.dataset.label, percent: parseFloat(li.querySelector('.fill').style.width)," +
            " track: li.querySelector('.bar').getBoundingClientRect().width, fill: li.querySelector('.fill').getBoundingClientRect().width }))");
        Assert.Equal(7, rows.Length);
        Assert.All(rows, row => Assert.InRange(row.Fill, row.Track * row.Percent / 100 - 2, row.Track * row.Percent / 100 + 2));
        Assert.Equal("happy", rows.MaxBy(r => r.Fill)!.Label);
        Assert.True(rows.Single(r => r.Label == "happy").Fill > rows.Single(r => r.Label == "happy").Track * 0.8, "the top emotion's bar is nearly full");

        var video = await BoxOf(page, "#camera");
        Assert.True(await page.IsVisibleAsync("#face-label"));
        var label = await BoxOf(page, "#face-label");
        Assert.True(label.Left >= video.Left - 0.5 && label.Right <= video.Right + 0.5 && label.Top >= video.Top - 0.5 && label.Bottom <= video.Bottom + 0.5,
            $"the label {label} lies outside the video {video}");
        Assert.StartsWith("happy", await page.InnerTextAsync("#face-label"));

        var overflowing = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('body *')].filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 1)" +
            ".map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''))");
        Assert.Empty(overflowing);
        Assert.Equal(0, await page.Locator("#player iframe").CountAsync());
        Assert.Contains("Spotify", await page.InnerTextAsync("#player .player-placeholder"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        if (name == "phone")
        {
            var emotionPanel = await BoxOf(page, "#emotion");
            Assert.True(video.Bottom <= emotionPanel.Top, "on a phone the video comes first, above the emotion");
        }
    }

    [Fact]
    public async Task A_label_for_a_face_at_the_top_of_the_frame_goes_inside_its_box()
    {
        var url = PageBrowser.FreeUrl();
        await using var app = await WebAppFixture.StartAsync(testServer: false, url: url);
        await using var browser = await PageBrowser.LaunchAsync(PageBrowser.Camera(_temp.Path, "obama.jpg"));
        var page = await OpenLiveAsync(browser, url, 1280, 800);

        // A face whose box starts at the frame's top edge: no room above it.
        await page.EvaluateAsync("drawFaces([{ box: { x: 20, y: 0, width: 200, height: 220 }, probabilities: { happy: 0.9, sad: 0.1 } }])");

        var video = await BoxOf(page, "#camera");
        var label = await BoxOf(page, "#face-label");
        Assert.True(label.Top >= video.Top - 0.5 && label.Bottom <= video.Bottom, $"label {label}, video {video}");
    }

    [Fact]
    public async Task Every_state_says_what_to_do_in_one_sentence()
    {
        var url = PageBrowser.FreeUrl();
        // No face: a blank camera.
        await using (var app = await WebAppFixture.StartAsync(testServer: false, url: url))
        await using (var browser = await PageBrowser.LaunchAsync(PageBrowser.Camera(_temp.Path, photo: null)))
        {
            var page = await browser.OpenAsync(url, 1280, 800);
            await page.WaitForFunctionAsync("document.getElementById('emotion').textContent === 'no face'", null, new() { Timeout = 30_000 });
            Assert.Equal("No face in view: face the camera in good light.", await page.InnerTextAsync("#emotion-hint"));
            Assert.True(await page.IsHiddenAsync("#face-label"));
            await page.ScreenshotAsync(new() { Path = PageBrowser.ArtifactPath("state-no-face.png") });
        }
        // Uncertain: a model that cannot decide between the seven classes.
        await using (var app = await WebAppFixture.StartAsync(testServer: false, url: url, model: TinyModels.Linear(new float[7])))
        await using (var browser = await PageBrowser.LaunchAsync(PageBrowser.Camera(_temp.Path, "obama.jpg")))
        {
            var page = await browser.OpenAsync(url, 1280, 800);
            await page.WaitForFunctionAsync("document.getElementById('emotion').textContent === 'uncertain'", null, new() { Timeout = 30_000 });
            Assert.Equal("Not sure yet: hold your expression for a moment.", await page.InnerTextAsync("#emotion-hint"));
            await page.ScreenshotAsync(new() { Path = PageBrowser.ArtifactPath("state-uncertain.png") });
        }
        // Server busy: the one session it allows is taken.
        await using (var app = await WebAppFixture.StartAsync(web => web.MaxSessions = 1, testServer: false, url: url))
        await using (var browser = await PageBrowser.LaunchAsync(PageBrowser.Camera(_temp.Path, "obama.jpg")))
        {
            using var taken = new System.Net.WebSockets.ClientWebSocket();
            await taken.ConnectAsync(new Uri(url.Replace("http", "ws") + "/ws"), TestContext.Current.CancellationToken);
            var page = await browser.OpenAsync(url, 1280, 800);
            await page.WaitForFunctionAsync("document.getElementById('status').textContent.startsWith('Server busy')", null, new() { Timeout = 15_000 });
            Assert.Equal("Server busy: every place is taken; retrying in 5 s.", await page.InnerTextAsync("#status"));
            await page.ScreenshotAsync(new() { Path = PageBrowser.ArtifactPath("state-busy.png") });
        }
        // No camera permission: a browser without the fake camera's consent.
        await using (var app = await WebAppFixture.StartAsync(testServer: false, url: url))
        await using (var browser = await PageBrowser.LaunchAsync(camera: null))
        {
            var page = await browser.OpenAsync(url, 1280, 800);
            await page.WaitForFunctionAsync("document.getElementById('camera-note').textContent.length > 0", null, new() { Timeout = 15_000 });
            var note = await page.InnerTextAsync("#camera-note");
            Assert.Matches("^(Camera blocked: allow camera access|No camera available)", note);
            Assert.Contains("reload", note);
            await page.ScreenshotAsync(new() { Path = PageBrowser.ArtifactPath("state-no-camera.png") });
        }
    }

    [Fact]
    public async Task No_serious_accessibility_violations_everything_reachable_by_keyboard_and_calm_announcements()
    {
        var url = PageBrowser.FreeUrl();
        await using var app = await WebAppFixture.StartAsync(testServer: false, url: url);
        await using var browser = await PageBrowser.LaunchAsync(PageBrowser.Camera(_temp.Path, "obama.jpg"));
        var page = await OpenLiveAsync(browser, url, 1280, 800);
        await page.WaitForFunctionAsync("document.querySelectorAll('#playlist li').length === 4", null, new() { Timeout = 10_000 });

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious));

        // Tab from the top: the strategy and every track's buttons are reached.
        var reached = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("document.activeElement.id || document.activeElement.getAttribute('aria-label') || document.activeElement.tagName"));
        }
        Assert.Contains("strategy", reached);
        Assert.Contains(reached, r => r.StartsWith("Like ", StringComparison.Ordinal));
        Assert.Contains(reached, r => r.StartsWith("Skip ", StringComparison.Ordinal));
        Assert.Contains("now-next", reached);
        var skipped = await page.InnerTextAsync("#playlist li:first-child .title");
        await page.FocusAsync("#playlist li:first-child button:last-of-type");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#playlist")).Not.ToContainTextAsync(skipped, new() { Timeout = 10_000 });
        Assert.Equal(4, await page.Locator("#playlist li").CountAsync()); // the skipped track is replaced at once

        // The emotion is a polite live region whose text changes only when the emotion does, not with every frame.
        Assert.Equal("polite", await page.GetAttributeAsync("#emotion", "aria-live"));
        await page.EvaluateAsync("window.changes = 0; new MutationObserver(m => window.changes += m.length).observe(document.getElementById('emotion'), { childList: true, characterData: true, subtree: true })");
        var frames = await page.EvaluateAsync<int>("Number(document.body.dataset.frames)");
        await page.WaitForFunctionAsync($"Number(document.body.dataset.frames) >= {frames + 5}", null, new() { Timeout = 15_000 });
        Assert.Equal(0, await page.EvaluateAsync<int>("window.changes"));
    }
}
