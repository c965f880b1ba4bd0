using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;
using BranchLedger.Domain.Warnings;
using static BranchLedger.Domain.Tests.Reports.ReportTestFacts;

namespace BranchLedger.Domain.Tests.Reports;

/// <summary>三会一课, duty list, remediation, brands and honours.</summary>
public class OutcomeFiguresTests
{
    [Fact]
    public void Three_meetings_held_and_required_add_up_the_branches_counts_of_the_year()
    {
        var facts = ReportFacts.Empty with
        {
            ThreeMeetingsOneLecture =
            [
                new(Office, Year, 30, 28),
                new(Service, Year, 20, 28),
                new(Office, Year - 1, 99, 99),
            ],
        };

        var held = Figure(facts, ReportFigureKeys.ThreeMeetingsHeld);
        var required = Figure(facts, ReportFigureKeys.ThreeMeetingsRequired);
        var met = Figure(facts, ReportFigureKeys.ThreeMeetingsBranchesMet);

        Assert.Equal((50, ReportUnits.Times), (held.Value, held.Unit));
        Assert.Equal([N(Office, 30), N(Service, 20)], held.ByNode);
        Assert.Empty(held.Sources);
        Assert.Equal(56, required.Value);
        Assert.Equal([N(Office, 28), N(Service, 28)], required.ByNode);
        Assert.Equal((1, ReportUnits.Things), (met.Value, met.Unit));
        Assert.Equal([N(Office, 1), N(Service, 0)], met.ByNode);
    }

    [Fact]
    public void A_branch_that_held_nothing_is_a_zero_not_a_missing_record()
    {
        var facts = ReportFacts.Empty with { ThreeMeetingsOneLecture = [new(Office, Year, 0, 28)] };

        var held = Figure(facts, ReportFigureKeys.ThreeMeetingsHeld);

        Assert.Equal(0, held.Value);
        Assert.False(held.HasNoRecords);
        Assert.Equal([N(Office, 0)], held.ByNode);
    }

    private static readonly ReportFacts Duties = ReportFacts.Empty with
    {
        DutyItems =
        [
            new(Group, 1, D(Year, 3, 31), DutyStatus.Verified, true),
            new(Group, 2, D(Year, 6, 30), DutyStatus.Done, false),
            new(Office, 3, D(Year, 9, 30), DutyStatus.InProgress, false),
            new(Office, 4, D(Year, 12, 31), DutyStatus.Planned, false),
            new(Office, 5, D(Year, 4, 30), DutyStatus.Done, true),
            new(Office, 6, D(Year + 1, 1, 1), DutyStatus.Done, true),
        ],
    };

    [Theory]
    [InlineData(ReportFigureKeys.DutiesDue, 5)]
    [InlineData(ReportFigureKeys.DutiesDone, 3)]
    [InlineData(ReportFigureKeys.DutiesDoneOnTime, 2)]
    [InlineData(ReportFigureKeys.DutiesOpen, 2)]
    public void Duty_figures_count_items_due_in_the_year_by_status(string key, int value)
    {
        var figure = Figure(Duties, key);
        Assert.Equal(value, figure.Value);
        Assert.Equal(ReportUnits.Items, figure.Unit);
    }

    [Fact]
    public void Duty_figures_trace_to_their_items()
    {
        AssertFigure(Figure(Duties, ReportFigureKeys.DutiesDoneOnTime), 2, ReportUnits.Items, R(Office, 5), R(Group, 1));
        AssertFigure(Figure(Duties, ReportFigureKeys.DutiesOpen), 2, ReportUnits.Items, R(Office, 3), R(Office, 4));
    }

    [Fact]
    public void An_on_time_flag_on_an_unfinished_item_does_not_count_as_done_on_time()
    {
        var facts = ReportFacts.Empty with { DutyItems = [new(Group, 1, InYear(), DutyStatus.InProgress, true)] };

        Assert.Equal(0, Figure(facts, ReportFigureKeys.DutiesDoneOnTime).Value);
        Assert.Equal(1, Figure(facts, ReportFigureKeys.DutiesOpen).Value);
    }

    private static readonly ReportFacts Findings = ReportFacts.Empty with
    {
        Findings =
        [
            new(Group, 1, D(Year, 2, 1), true, false),
            new(Group, 2, D(Year, 2, 1), false, true),
            new(Office, 3, D(Year, 5, 1), false, false),
            new(Office, 4, D(Year, 7, 1), true, true),
            new(Office, 5, D(Year - 1, 7, 1), false, true),
        ],
    };

    [Fact]
    public void Remediation_figures_split_the_years_findings_into_closed_open_and_overdue()
    {
        AssertFigure(Figure(Findings, ReportFigureKeys.FindingsRaised), 4, ReportUnits.Items, R(Office, 3), R(Office, 4), R(Group, 1), R(Group, 2));
        AssertFigure(Figure(Findings, ReportFigureKeys.FindingsClosed), 2, ReportUnits.Items, R(Office, 4), R(Group, 1));
        AssertFigure(Figure(Findings, ReportFigureKeys.FindingsOpen), 2, ReportUnits.Items, R(Office, 3), R(Group, 2));
        // a closed finding is never overdue, whatever its flag says
        AssertFigure(Figure(Findings, ReportFigureKeys.FindingsOverdue), 1, ReportUnits.Items, R(Group, 2));
    }

    private static readonly ReportFacts Brands = ReportFacts.Empty with
    {
        Brands =
        [
            new(Group, 1, RecognitionLevel.National, BrandStatus.Building, D(Year, 3, 1)),
            new(Group, 2, RecognitionLevel.National, BrandStatus.Recognised, D(Year - 2, 3, 1)),
            new(Group, 3, RecognitionLevel.Provincial, BrandStatus.Building, D(Year, 4, 1)),
            new(Office, 4, RecognitionLevel.City, BrandStatus.Recognised, D(Year, 5, 1)),
            new(Office, 5, RecognitionLevel.National, BrandStatus.Withdrawn, D(Year, 5, 1)),
            new(Office, 6, RecognitionLevel.Provincial, BrandStatus.Building, D(Year + 1, 1, 1)),
        ],
    };

    [Fact]
    public void Brands_count_standing_projects_by_level_including_those_started_in_earlier_years()
    {
        AssertFigure(Figure(Brands, ReportFigureKeys.BrandsNational), 2, ReportUnits.Things, R(Group, 1), R(Group, 2));
        AssertFigure(Figure(Brands, ReportFigureKeys.BrandsProvincial), 1, ReportUnits.Things, R(Group, 3));
        AssertFigure(Figure(Brands, ReportFigureKeys.BrandsCity), 1, ReportUnits.Things, R(Office, 4));
        AssertFigure(Figure(Brands, ReportFigureKeys.BrandsRecognised), 2, ReportUnits.Things, R(Office, 4), R(Group, 2));
    }

    [Fact]
    public void Honours_count_the_years_awards_by_level()
    {
        var facts = ReportFacts.Empty with
        {
            Honours =
            [
                new(Group, 1, RecognitionLevel.National, RecipientKind.Person, D(Year, 9, 1)),
                new(Group, 2, RecognitionLevel.City, RecipientKind.Unit, D(Year, 11, 1)),
                new(Office, 3, RecognitionLevel.Internal, RecipientKind.Person, D(Year, 1, 1)),
                new(Office, 4, RecognitionLevel.National, RecipientKind.Unit, D(Year - 1, 12, 31)),
            ],
        };

        AssertFigure(Figure(facts, ReportFigureKeys.Honours), 3, ReportUnits.Items, R(Office, 3), R(Group, 1), R(Group, 2));
        AssertFigure(Figure(facts, ReportFigureKeys.HonoursNational), 1, ReportUnits.Items, R(Group, 1));
        AssertFigure(Figure(facts, ReportFigureKeys.HonoursProvincial), 0, ReportUnits.Items);
        AssertFigure(Figure(facts, ReportFigureKeys.HonoursCity), 1, ReportUnits.Items, R(Group, 2));
    }
}
