namespace Community.Grains.Runtime;

/// <summary>Marker for grain interfaces: every method returns <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
public interface IGrain;
