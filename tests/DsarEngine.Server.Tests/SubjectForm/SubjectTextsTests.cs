using System.Collections;
using System.Globalization;
using DsarEngine.Server.Subjects;

namespace DsarEngine.Server.Tests.SubjectForm;

// A language is one resource file: every key the English file has must exist, non-empty, in every other language
// (and no language may carry a key English lacks), read through the same ResourceManager the pages use, so a
// satellite assembly missing from the build fails here too.
public sealed class SubjectTextsTests
{
    private static Dictionary<string, string> Entries(string language)
    {
        var culture = language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        var set = SubjectText.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.That(set, Is.Not.Null, $"The '{language}' subject texts were not found (satellite assembly missing?).");
        return set!.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }

    [Test]
    public void Every_key_exists_in_every_offered_language_and_none_is_empty()
    {
        var english = Entries("en");
        Assert.That(english.Keys, Has.Some.StartsWith("Common."));
        using (Assert.EnterMultipleScope())
        {
            foreach (var language in SubjectLanguage.Offered)
            {
                var texts = Entries(language);
                Assert.That(texts.Keys, Is.EquivalentTo(english.Keys), $"keys of '{language}'");
                Assert.That(texts.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key), Is.Empty,
                    $"empty texts in '{language}'");
                // A key is prefixed by the part that owns it.
                Assert.That(texts.Keys.Where(k => !k.Contains('.', StringComparison.Ordinal)), Is.Empty);
            }
        }
    }

    [Test]
    public void Texts_come_in_the_asked_language()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new SubjectText("en")["Common.SkipToContent"], Is.EqualTo("Skip to main content"));
            Assert.That(new SubjectText("fr")["Common.SkipToContent"], Is.EqualTo("Aller au contenu principal"));
            Assert.That(new SubjectText("ru")["Common.SkipToContent"], Is.EqualTo("Перейти к основному содержанию"));
        }
    }

    [Test]
    public void Numbers_in_a_text_are_written_as_the_language_writes_them()
    {
        Assert.That(new SubjectText("fr").Format("Common.TooManyRequests", 1234.5), Does.Contain("1234,5"));
    }

    [Test]
    public void An_unknown_key_is_a_bug_not_a_blank()
    {
        Assert.That(() => new SubjectText("fr")["Common.NoSuchText"], Throws.TypeOf<KeyNotFoundException>());
    }

    [TestCase("ru", "fr-FR,fr;q=0.9", "ru")]
    [TestCase("de", "fr-CA,fr;q=0.9,en;q=0.8", "fr")]
    [TestCase(null, "de-DE, en;q=0.5, ru;q=0.7", "ru")]
    [TestCase("", "de, it", "en")]
    [TestCase("FR", null, "fr")]
    [TestCase(null, "fr;q=0, ru;q=0.1", "ru")]
    public void The_language_is_the_asked_one_then_the_browser_s_then_the_fallback(string? asked, string? accept, string expected)
    {
        Assert.That(SubjectLanguage.Resolve(asked, accept, ["en", "fr", "ru"], "en"), Is.EqualTo(expected));
    }

    [Test]
    public void A_language_the_organisation_does_not_offer_is_not_chosen()
    {
        Assert.That(SubjectLanguage.Resolve("ru", "ru-RU", ["en", "fr"], "fr"), Is.EqualTo("fr"));
    }

    [TestCase("en", "ltr")]
    [TestCase("ru", "ltr")]
    [TestCase("ar", "rtl")]
    public void The_direction_follows_the_language(string language, string direction)
    {
        Assert.That(SubjectLanguage.Direction(language), Is.EqualTo(direction));
    }
}
