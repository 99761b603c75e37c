using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>
/// What systemd is to a <c>Type=notify</c> service: a unix datagram socket (NOTIFY_SOCKET) that collects the service's
/// notifications (READY=1, WATCHDOG=1, STOPPING=1) with the moment each arrived.
/// </summary>
public sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(DateTime At, string Text)> _received = new();

    public NotifySocket(string path, Action<string>? onReceived = null)
    {
        Path = path;
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(path));
        _ = ReceiveAsync(onReceived);
    }

    public string Path { get; }

    public IReadOnlyList<(DateTime At, string Text)> Received => _received.ToArray();

    public IReadOnlyList<string> Texts => Received.Select(r => r.Text).ToList();

    public async Task<bool> WaitForAsync(string text, TimeSpan timeout, int count = 1)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Texts.Count(t => t.Contains(text, StringComparison.Ordinal)) >= count) return true;
            await Task.Delay(50);
        }
        return false;
    }

    private async Task ReceiveAsync(Action<string>? onReceived)
    {
        var buffer = new byte[4096];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                var text = Encoding.UTF8.GetString(buffer, 0, n);
                onReceived?.Invoke(text); // before it is visible to the test: a check made here sees the moment of arrival
                _received.Enqueue((DateTime.UtcNow, text));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // closed
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
        File.Delete(Path);
    }
}
