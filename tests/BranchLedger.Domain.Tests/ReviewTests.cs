using BranchLedger.Domain.Access;
using BranchLedger.Domain.Ledger;
using static BranchLedger.Domain.Ledger.Reviews;

namespace BranchLedger.Domain.Tests;

public class ReviewTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Step Read(long s) => Step.Review(s, ReviewVerdict.Read, "", "office", At.AddMinutes(s));

    private static Step Return(long s, string reason = "attendance does not match the roster") =>
        Step.Review(s, ReviewVerdict.Returned, reason, "office", At.AddMinutes(s));

    private static Step Fix(long s) => Step.Correction(s, "secretary", At.AddMinutes(s));

    [Fact]
    public void A_record_without_reviews_waits_and_corrections_alone_do_not_change_that()
    {
        Assert.Equal(Standing.Waiting, Of([]));
        Assert.Equal(ReviewState.Waiting, Of([Fix(3), Fix(4)]).State);
    }

    [Fact]
    public void Marked_read_shows_who_and_when()
    {
        var standing = Of([Read(5)]);

        Assert.Equal(new Standing(ReviewState.Read, 5, "", "office", At.AddMinutes(5), null), standing);
    }

    [Fact]
    public void A_return_stays_unanswered_until_a_correction_follows_it()
    {
        Assert.Equal(new Standing(ReviewState.Returned, 5, "attendance does not match the roster", "office", At.AddMinutes(5), null), Of([Return(5)]));

        // A correction made before the return does not answer it.
        Assert.Equal(ReviewState.Returned, Of([Fix(3), Return(5)]).State);

        var answered = Of([Return(5), Fix(7), Fix(9)]);
        Assert.Equal(ReviewState.Answered, answered.State);
        Assert.Equal(5, answered.ReviewSequence);
        Assert.Equal("attendance does not match the roster", answered.Reason);
        Assert.Equal(7, answered.AnsweredBy);
    }

    [Fact]
    public void A_later_review_supersedes_earlier_ones_in_ledger_order_whatever_order_they_come_in()
    {
        Assert.Equal(ReviewState.Read, Of([Fix(7), Read(9), Return(5)]).State);
        Assert.Equal(ReviewState.Returned, Of([Read(2), Return(5)]).State);

        // Returned, answered, returned again: the second return waits for its own answer.
        var again = Of([Return(5), Fix(7), Return(8, "still no minutes")]);
        Assert.Equal(new Standing(ReviewState.Returned, 8, "still no minutes", "office", At.AddMinutes(8), null), again);
        Assert.Equal(ReviewState.Answered, Of([Return(5), Fix(7), Return(8), Fix(10)]).State);
    }

    [Fact]
    public void Only_live_records_can_be_reviewed()
    {
        Assert.Null(Refusal(TargetKind.Record, voided: false));
        Assert.Equal("no record with that id", Refusal(null, voided: false));
        Assert.Contains("correction cannot be reviewed", Refusal(TargetKind.Correction, voided: false), StringComparison.Ordinal);
        Assert.Contains("review cannot itself be reviewed", Refusal(TargetKind.Review, voided: false), StringComparison.Ordinal);
        Assert.Contains("void", Refusal(TargetKind.Record, voided: true), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReviewQueueFilter.All, new[] { ReviewState.Waiting, ReviewState.Read, ReviewState.Returned, ReviewState.Answered })]
    [InlineData(ReviewQueueFilter.Waiting, new[] { ReviewState.Waiting })]
    [InlineData(ReviewQueueFilter.ReturnedUnanswered, new[] { ReviewState.Returned })]
    [InlineData(ReviewQueueFilter.Answered, new[] { ReviewState.Answered })]
    public void Queue_filters_pick_their_states(ReviewQueueFilter filter, ReviewState[] expected)
    {
        Assert.Equal(expected, Enum.GetValues<ReviewState>().Where(s => Matches(filter, s)));
    }

    [Fact]
    public void The_party_office_reviews_branches_do_not()
    {
        Assert.True(Grant.For(Role.TenantAdmin, "acme").Permissions.HasFlag(Permission.RecordReview));
        Assert.False(Grant.For(Role.BranchSecretary, "acme", ["b1"]).Permissions.HasFlag(Permission.RecordReview));
        Assert.False(Grant.For(Role.Auditor, "acme").Permissions.HasFlag(Permission.RecordReview));
        Assert.False(Grant.Everywhere(Role.Supervisor).Permissions.HasFlag(Permission.RecordReview));

        var client = Grant.Parse("system-client@acme!tenant.read,records.review");
        Assert.NotNull(client);
        Assert.Null(GrantRules.Problem(client));
        Assert.True(AccessPolicy.Allows([client], Permission.RecordReview, "acme", ["b1"]));
        Assert.Equal("system-client@acme!tenant.read,records.review", client.ToString());
    }
}
