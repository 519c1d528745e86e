using EnergyActors.Silo.Webhooks;

namespace EnergyActors.UnitTests.Webhooks;

public sealed class DispatchSlotsTests
{
    [Fact]
    public void One_webhook_holds_at_most_its_share_and_leaves_the_rest_to_others()
    {
        var slots = new DispatchSlots(total: 6, perWebhook: 4);
        Assert.Equal(4, Enumerable.Range(0, 10).Count(_ => slots.TryTake("slow")));
        Assert.Equal(["slow"], slots.Saturated());
        Assert.Equal(2, slots.Free);
        Assert.True(slots.TryTake("fast"));
        Assert.True(slots.TryTake("other"));
        Assert.False(slots.TryTake("fast"));
        Assert.Equal(0, slots.Free);
    }

    [Fact]
    public void A_release_frees_a_slot_and_wakes_a_waiter()
    {
        var slots = new DispatchSlots(total: 1, perWebhook: 1);
        Assert.True(slots.TryTake("a"));
        var freed = slots.Freed;
        Assert.False(freed.IsCompleted);
        slots.Release("a");
        Assert.True(freed.IsCompleted);
        Assert.Empty(slots.Saturated());
        Assert.Equal(1, slots.Free);
        Assert.False(slots.Freed.IsCompleted);
    }

    [Fact]
    public void Releasing_a_slot_never_taken_is_a_bug_not_a_free_slot()
    {
        var slots = new DispatchSlots(total: 2, perWebhook: 1);
        Assert.Throws<InvalidOperationException>(() => slots.Release("never"));
        Assert.Equal(2, slots.Free);
    }
}
