using System.Collections.ObjectModel;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace FileSync.Acceptance.StatusPage;

/// <summary>
/// Headless Chromium on one page through Debian's chromedriver. Every wait is bounded; a wait that times out fails
/// with what it waited for and the text the page showed then.
/// </summary>
public sealed class StatusPageBrowser : IDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        // Containers often have a tiny /dev/shm; a fixed size keeps screenshots comparable.
        "--disable-dev-shm-usage", "--window-size=1280,1024",
    ];

    private readonly ChromeDriver _driver;

    private StatusPageBrowser(ChromeDriver driver) => _driver = driver;

    /// <summary>Starts chromedriver and chromium and opens <paramref name="url"/>.</summary>
    public static StatusPageBrowser Open(string url)
    {
        if (ChromiumInstallation.MissingReason is { } reason) throw new InvalidOperationException(reason);
        // Selenium Manager must never look for (or download) a browser or a driver: both are given explicitly.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(ChromiumInstallation.DriverFolder, ChromiumInstallation.DriverFile);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumInstallation.Browser };
        options.AddArguments(Arguments);
        var driver = new ChromeDriver(service, options, WaitLimit);
        try
        {
            driver.Manage().Timeouts().PageLoad = WaitLimit;
            driver.Navigate().GoToUrl(url);
            return new StatusPageBrowser(driver);
        }
        catch
        {
            driver.Quit();
            throw;
        }
    }

    /// <summary>The page's visible text (for failure messages).</summary>
    public string Text => _driver.FindElement(By.TagName("body")).Text;

    public ReadOnlyCollection<IWebElement> FindAll(string css) => _driver.FindElements(By.CssSelector(css));

    /// <summary>Waits until an element matching <paramref name="css"/> exists and returns it.</summary>
    public IWebElement WaitFor(string what, string css) =>
        Until(what, d => d.FindElements(By.CssSelector(css)).FirstOrDefault());

    /// <summary>Waits until <paramref name="condition"/> answers something other than null or false.</summary>
    public T Until<T>(string what, Func<IWebDriver, T?> condition)
    {
        var wait = new WebDriverWait(_driver, WaitLimit) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        // The page redraws a table when its data changes: an element found a moment ago may be gone.
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        try
        {
            // Until returns once the condition answers true (for bool) or anything not null.
            return wait.Until(d => condition(d))!;
        }
        catch (WebDriverTimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"Timed out after {WaitLimit.TotalSeconds:0} s waiting for {what}. The page showed:\n{Text}");
        }
    }

    /// <summary>Clicks the element <paramref name="css"/> names once it is there and enabled (found again if a redraw replaced it).</summary>
    public void Click(string what, string css) =>
        Until(what, d =>
        {
            var element = d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Enabled);
            if (element is null) return false;
            element.Click();
            return true;
        });

    /// <summary>Types a key into the page's API key form (once it shows) and submits it.</summary>
    public void SubmitApiKey(string key)
    {
        var input = Until("the API key input", d => d.FindElements(By.Id("api-key")).FirstOrDefault(e => e.Displayed));
        input.Clear();
        input.SendKeys(key);
        _driver.FindElement(By.CssSelector("#api-key-form button[type='submit']")).Click();
    }

    /// <summary>Saves a PNG of the visible page.</summary>
    public void SaveScreenshot(string path) => _driver.GetScreenshot().SaveAsFile(path);

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
    }
}
