using System.Linq;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Naming;

namespace Telnyx.Generator.Tests.Naming;

/// <summary>The mechanics every generated name goes through: case conversion, acronyms, digits, keywords, collisions.</summary>
public class IdentifiersTests
{
    [Theory]
    // Separators: snake, kebab, dotted, spaced, mixed, repeated; all dropped.
    [InlineData("call_control_id", "CallControlId")]
    [InlineData("kebab-case-name", "KebabCaseName")]
    [InlineData("dotted.name", "DottedName")]
    [InlineData("with spaces here", "WithSpacesHere")]
    [InlineData("mixed_kebab-and.dots now", "MixedKebabAndDotsNow")]
    [InlineData("__leading__and__trailing__", "LeadingAndTrailing")]
    // Humps: camelCase and PascalCase keep their words.
    [InlineData("callControlId", "CallControlId")]
    [InlineData("CallControlId", "CallControlId")]
    [InlineData("a", "A")]
    // Acronyms (.NET guidelines): two letters stay upper, longer ones are Pascal, wherever they stand.
    [InlineData("IO", "IO")]
    [InlineData("IOStream", "IOStream")]
    [InlineData("ABTest", "ABTest")]
    [InlineData("DTMF", "Dtmf")]
    [InlineData("ConferenceSendDTMFRequest", "ConferenceSendDtmfRequest")]
    [InlineData("XAIVoiceSettings", "XaiVoiceSettings")]
    [InlineData("AWS_voice_settings", "AwsVoiceSettings")]
    [InlineData("ALL_LEFT", "AllLeft")]
    [InlineData("sendDTMF", "SendDtmf")]
    [InlineData("callerID", "CallerID")]
    // Digits: letter-digit edges stay one word; a leading digit gets the prefix.
    [InlineData("v3", "V3")]
    [InlineData("1080p", "_1080p")]
    [InlineData("2_factor", "_2Factor")]
    [InlineData("G711", "G711")]
    [InlineData("MP3", "Mp3")]
    // Any unicode letter is a letter.
    [InlineData("ünïcödé_name", "ÜnïcödéName")]
    public void ToPascalCase(string name, string expected) => Assert.Equal(expected, Identifiers.ToPascalCase(name));

    [Theory]
    [InlineData(null, "Value")]
    [InlineData("", "Value")]
    [InlineData("___", "Value")]
    [InlineData("-.- ", "Value")]
    public void ToPascalCaseFallsBackWhenNothingIsLeft(string? name, string expected) => Assert.Equal(expected, Identifiers.ToPascalCase(name));

    [Fact]
    public void ToPascalCaseTakesTheCallersFallbackAndDigitPrefix()
    {
        Assert.Equal("Empty", Identifiers.ToPascalCase("", "Empty"));
        Assert.Equal("V2fa", Identifiers.ToPascalCase("2fa", "Resource", "V"));
    }

    [Theory]
    [InlineData("call_control_id", "callControlId")]
    [InlineData("CallControlId", "callControlId")]
    [InlineData("DTMF", "dtmf")]
    [InlineData("IO", "io")]
    [InlineData("IOStream", "ioStream")]
    [InlineData("ID", "id")]
    [InlineData("1st", "_1st")]
    // C# keywords are escaped, contextual keywords need not be.
    [InlineData("class", "@class")]
    [InlineData("event", "@event")]
    [InlineData("string", "@string")]
    [InlineData("async", "async")]
    [InlineData("", "value")]
    [InlineData(null, "value")]
    public void ToCamelCase(string? name, string expected) => Assert.Equal(expected, Identifiers.ToCamelCase(name));

    [Theory]
    [InlineData("conference_region", "ConferenceRegion")]
    [InlineData("ConferenceSendDTMFRequest", "ConferenceSendDtmfRequest")]
    [InlineData("AWSVoiceSettings", "AwsVoiceSettings")]
    [InlineData("XAIVoiceSettings", "XaiVoiceSettings")]
    [InlineData("SIPHeader", "SipHeader")]
    [InlineData("IOStats", "IOStats")]
    // A valid PascalCase identifier keeps its shape but for long acronyms.
    [InlineData("Conference_Region", "Conference_Region")]
    [InlineData("Conference_DTMF", "Conference_Dtmf")]
    [InlineData("class", "Class")]
    [InlineData("1st_thing", "Model1stThing")]
    [InlineData("", "Model")]
    [InlineData(null, "Model")]
    public void ToTypeName(string? name, string expected) => Assert.Equal(expected, Identifiers.ToTypeName(name));

    [Theory]
    [InlineData("abc", true)]
    [InlineData("_abc", true)]
    [InlineData("Ünï", true)]
    [InlineData("a1", true)]
    [InlineData("1a", false)]
    [InlineData("a-b", false)]
    [InlineData("a b", false)]
    [InlineData("class", false)]
    [InlineData("", false)]
    public void IsIdentifier(string name, bool expected) => Assert.Equal(expected, Identifiers.IsIdentifier(name));

    // ---- collisions -----------------------------------------------------------------------------------------

    [Fact]
    public void AScopeNumbersLaterClaimantsOfTheSameName()
    {
        var scope = new NameScope();
        Assert.Equal(new[] { "Foo", "Foo2", "Foo3" }, new[] { scope.Claim("Foo"), scope.Claim("Foo"), scope.Claim("Foo") });
    }

    [Fact]
    public void AScopeTriesTheAlternativesBeforeNumberingTheLastOne()
    {
        var scope = new NameScope();
        var names = new[] { scope.Claim("Foo", "FooValue"), scope.Claim("Foo", "FooValue"), scope.Claim("Foo", "FooValue") };
        Assert.Equal(new[] { "Foo", "FooValue", "FooValue2" }, names);
    }

    [Fact]
    public void ReservedNamesAreNeverHandedOut()
    {
        var shared = NameScope.Reserve("Equals", "ToString");
        var scope = new NameScope(shared, "Own");
        Assert.Equal("Equals2", scope.Claim("Equals"));
        Assert.Equal("Own2", scope.Claim("Own"));
        Assert.False(scope.TryClaim("ToString"));
        Assert.True(scope.TryClaim("Other"));
    }

    [Fact]
    public void AScopeIgnoringCaseTreatsNamesThatDifferInCaseAsOne()
    {
        var typeNames = NameScope.IgnoringCase("Reserved");
        Assert.Equal("FooBar", typeNames.Claim("FooBar"));
        Assert.Equal("Foobar2", typeNames.Claim("Foobar"));
        Assert.Equal("RESERVED2", typeNames.Claim("RESERVED"));

        var members = new NameScope();
        Assert.Equal("FooBar", members.Claim("FooBar"));
        Assert.Equal("Foobar", members.Claim("Foobar"));
    }

    [Fact]
    public void TheTypeNamerReportsEveryNameItHadToChange()
    {
        var diagnostics = new System.Collections.Generic.List<PendingDiagnostic>();
        var namer = new TypeNamer(diagnostics);

        Assert.Equal("Conference", namer.Claim("Conference", "#/a"));
        Assert.Equal("ConferenceModel", namer.Claim("Conference", "#/b"));
        Assert.Equal("ConferenceData", namer.Claim("Conference", "#/c", "ConferenceData"));
        Assert.Equal("TelnyxClientModel", namer.Claim("TelnyxClient", "#/d")); // the generator's own type names are reserved

        Assert.Equal(new[] { "#/b", "#/c", "#/d" }, diagnostics.Select(d => d.Pointer).ToArray());
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticDescriptors.NameCollision.Id, d.Id));
        Assert.Equal(new[] { "Conference", "ConferenceModel", "#/b" }, diagnostics[0].Arguments.ToArray());
    }

    // ---- type name rules ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("ConferenceFloorChangedEvent", "EventType", "ConferenceFloorChangedEventType")]
    [InlineData("Conference", "Region", "ConferenceRegion")]
    [InlineData("QueueCall", "CallMode", "QueueCallMode")]
    [InlineData("Call", "Call", "CallCall")] // the member is one word: nothing left to join
    public void QualifyJoinsParentAndMemberWithoutDoublingAWord(string parent, string member, string expected)
        => Assert.Equal(expected, TypeNames.Qualify(parent, member));

    [Theory]
    [InlineData("Participants", "Participant")]
    [InlineData("Entries", "Entry")]
    [InlineData("Boxes", "Box")]
    [InlineData("Statuses", "Status")]
    [InlineData("Address", "AddressItem")]
    [InlineData("Data", "DataItem")]
    public void SingularDropsThePluralEnding(string plural, string expected) => Assert.Equal(expected, TypeNames.Singular(plural));

    [Theory]
    [InlineData("ConferenceFloorChangedEvent", "ConferenceFloorChanged")]
    [InlineData("CallEnqueued", "CallEnqueued")]
    [InlineData("Event", "EventData")]
    public void AnEventsDataRecordDropsTheEventSuffix(string component, string expected) => Assert.Equal(expected, TypeNames.EventData(component));

    [Fact]
    public void ResourceClassesAvoidTypeNamesIgnoringCaseAndNameAGroupOnce()
    {
        var names = new ResourceClassNames(new[] { "MediaResource", "mediaoperations" });
        Assert.Equal("MediaApi", names.For(new[] { "Media" }));
        Assert.Equal("ConferencesActionsResource", names.For(new[] { "Conferences", "Actions" }));
        Assert.Equal("ConferencesActionsResource", names.For(new[] { "Conferences", "Actions" }));
        Assert.Equal("ConferencesActionsOperations", names.For(new[] { "ConferencesActions" }));
    }
}
