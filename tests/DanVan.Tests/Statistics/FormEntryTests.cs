using DanVan.Refusals;
using DanVan.Statistics;

namespace DanVan.Tests.Statistics;

public sealed class FormEntryTests
{
    private static readonly FormDefinition Form = FormSamples.Load(FormSamples.SixMonths);

    private static FormValues Commune(decimal received = 40, decimal resolved = 36, decimal households = 1000, decimal poor = 50, IReadOnlyDictionary<string, string>? explanations = null) =>
        new(new Dictionary<string, IndicatorValue>
        {
            ["received"] = new NumberValue(received),
            ["resolved"] = new NumberValue(resolved),
            ["households"] = new NumberValue(households),
            ["poorHouseholds"] = new NumberValue(poor),
        }, explanations);

    [Fact]
    public void Should_compute_the_rate_and_accept_values_that_keep_every_rule()
    {
        var check = FormEntry.Check(Form, Commune());

        check.CanSubmit.ShouldBeTrue();
        check.Values["resolvedRate"].ShouldBe(new NumberValue(90m));
    }

    [Fact]
    public void Should_block_submission_on_an_error_rule_at_its_indicator()
    {
        var check = FormEntry.Check(Form, Commune(received: 10, resolved: 12));

        check.CanSubmit.ShouldBeFalse();
        var broken = check.Errors.ShouldHaveSingleItem();
        broken.Code.ShouldBe("forms.ruleBroken");
        broken.Where.Criterion.ShouldBe("resolved");
        RefusalText.Render(broken, RefusalText.Vietnamese).ShouldBe("Vi phạm quy tắc resolvedWithinReceived: Số đã giải quyết không vượt số tiếp nhận.");
    }

    [Fact]
    public void Should_let_a_warning_through_only_with_an_explanation()
    {
        var unexplained = FormEntry.Check(Form, Commune(received: 40, resolved: 20));
        var explained = FormEntry.Check(Form, Commune(received: 40, resolved: 20, explanations: new Dictionary<string, string> { ["lowResolution"] = "20 đơn đang xác minh" }));

        unexplained.Errors.ShouldBeEmpty();
        unexplained.Warnings.ShouldHaveSingleItem().Code.ShouldBe("forms.ruleWarning");
        unexplained.SubmissionRefusals.ShouldHaveSingleItem().Code.ShouldBe("forms.warningUnexplained");
        explained.CanSubmit.ShouldBeTrue();
        explained.Warnings.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("received", "text", "forms.valueWrongType")]
    [InlineData("received", "-1", "forms.valueWhole")]
    [InlineData("received", "2.5", "forms.valueWhole")]
    [InlineData("satisfaction", "100.5", "forms.percentageRange")]
    [InlineData("satisfaction", "-0.1", "forms.percentageRange")]
    [InlineData("resolvedRate", "90", "forms.valueComputed")]
    [InlineData("nonsense", "1", "forms.valueUnknownIndicator")]
    [InlineData("hasDialogueModel", "1", "forms.valueWrongType")]
    public void Should_refuse_a_value_that_does_not_fit_its_indicator(string code, string typed, string expected)
    {
        var values = new Dictionary<string, IndicatorValue>(Commune().Values)
        {
            [code] = decimal.TryParse(typed, System.Globalization.CultureInfo.InvariantCulture, out var n) ? new NumberValue(n) : new TextValue(typed),
        };

        var check = FormEntry.Check(Form, new FormValues(values));

        check.Errors.ShouldContain(r => r.Code == expected && r.Where.Criterion == code);
        check.CanSubmit.ShouldBeFalse();
    }

    [Fact]
    public void Should_require_required_indicators_on_submission_but_not_in_a_draft()
    {
        var empty = FormValues.Of(("budget", new NumberValue(1.5m)));

        FormEntry.Check(Form, empty).Errors.Select(r => r.Where.Criterion).ShouldBe(["received", "resolved", "households", "poorHouseholds"], ignoreOrder: true);
        FormEntry.Check(Form, empty, forSubmission: false).Errors.ShouldBeEmpty();
    }
}
