using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Questionnaires;

/// <summary><c>{peildatum}</c> filled in with a round's reference date, in each text's own language, leaving the definition alone.</summary>
[TestClass]
public sealed class ReferenceDateTextTests
{
    private const string Yaml = """
        key: test
        version: "1"
        title: Test
        description: {nl: "Stand op {peildatum}.", en: "As on {peildatum}."}
        themes:
          - key: t
            title: Thema
            description: {nl: "Tot {peildatum}", en: "Up to {peildatum}"}
            questions:
              - key: a
                type: number
                text: {nl: "Hoeveel fte op {peildatum}?", en: "How many FTE on {peildatum}?"}
                help: {nl: "Naar de stand op {peildatum}; {peildatum} is de peildatum.", en: "As on {peildatum}."}
              - key: b
                type: single_choice
                text: Alleen Nederlands op {peildatum}
                options: [{key: x, label: {nl: "Vóór {peildatum}", en: "Before {peildatum}"}}]
              - key: c
                type: yes_no
                text: {nl: "Zonder datum", en: "Without a date"}
        """;

    private static Questionnaire Load() => QuestionnaireLoader.LoadYaml(Yaml).Value ?? throw new AssertFailedException("the sample does not load");

    [TestMethod]
    [DataRow(2023, 10, 1, "nl", "1 oktober 2023")]
    [DataRow(2023, 10, 1, "en", "1 October 2023")]
    [DataRow(2025, 3, 31, "nl", "31 maart 2025")]
    [DataRow(2025, 3, 31, "en", "31 March 2025")]
    public void A_date_is_written_out_in_the_language(int year, int month, int day, string language, string expected) =>
        Assert.AreEqual(expected, ReferenceDateText.Phrase(new DateOnly(year, month, day), language));

    [TestMethod]
    public void Without_a_date_the_phrase_is_neutral()
    {
        Assert.AreEqual("de peildatum", ReferenceDateText.Phrase(null, "nl"));
        Assert.AreEqual("the reference date", ReferenceDateText.Phrase(null, "en"));
    }

    [TestMethod]
    public void Every_text_and_every_language_is_filled_in()
    {
        var rendered = Load().WithReferenceDate(new DateOnly(2023, 10, 1));

        var a = rendered.FindQuestion("a")!;
        Assert.AreEqual("Hoeveel fte op 1 oktober 2023?", a.Text);
        Assert.AreEqual("How many FTE on 1 October 2023?", a.LocalizedText.In("en"));
        Assert.AreEqual("Naar de stand op 1 oktober 2023; 1 oktober 2023 is de peildatum.", a.Help);
        Assert.AreEqual("As on 1 October 2023.", a.LocalizedHelp!.In("en"));
        Assert.AreEqual("Alleen Nederlands op 1 oktober 2023", rendered.FindQuestion("b")!.Text);
        Assert.AreEqual("Before 1 October 2023", rendered.FindQuestion("b")!.Options[0].LocalizedLabel.In("en"));
        Assert.AreEqual("Stand op 1 oktober 2023.", rendered.Description);
        Assert.AreEqual("Up to 1 October 2023", rendered.Themes[0].LocalizedDescription!.In("en"));
    }

    [TestMethod]
    public void A_round_without_a_reference_date_reads_the_neutral_phrase_in_the_page_language()
    {
        var english = Load().WithReferenceDate(null).In("en");

        Assert.AreEqual("How many FTE on the reference date?", english.FindQuestion("a")!.Text);
        Assert.AreEqual("Alleen Nederlands op de peildatum", english.FindQuestion("b")!.Text, "a Dutch fallback reads Dutch words");
    }

    [TestMethod]
    public void Translating_first_and_filling_in_after_gives_the_same_texts()
    {
        var date = new DateOnly(2025, 3, 31);

        var before = Load().WithReferenceDate(date).In("en");
        var after = Load().In("en").WithReferenceDate(date);

        Assert.AreSequenceEqual(before.AllQuestions.Select(q => q.Text).ToList(), after.AllQuestions.Select(q => q.Text).ToList());
        Assert.AreEqual("How many FTE on 31 March 2025?", after.FindQuestion("a")!.Text);
    }

    [TestMethod]
    public void The_stored_definition_keeps_its_placeholder_and_rules()
    {
        var stored = Load();
        var json = QuestionnaireJson.Serialize(stored);

        var rendered = stored.WithReferenceDate(new DateOnly(2023, 10, 1));

        Assert.AreEqual(json, QuestionnaireJson.Serialize(stored), "filling in does not change the definition it started from");
        Assert.Contains(ReferenceDateText.Placeholder, json);
        Assert.AreSequenceEqual(stored.AllQuestions.Select(q => (q.Key, q.Type, q.Required)).ToList(),
            rendered.AllQuestions.Select(q => (q.Key, q.Type, q.Required)).ToList());
        Assert.AreEqual("Zonder datum", rendered.FindQuestion("c")!.Text);
    }

    [TestMethod]
    public void A_questionnaire_without_the_placeholder_is_returned_as_it_is()
    {
        var plain = QuestionnaireLoader.LoadYaml(SampleDefinitions.Yaml).Value!;

        Assert.AreSame(plain, plain.WithReferenceDate(new DateOnly(2023, 10, 1)));
    }
}
