#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>

namespace Pop3Connector {
namespace DurableFs {

// How a file is opened for writing (File::Mode, declared here for Operation).
enum class OpenMode {
    CreateNew, // O_EXCL: fails if anything, a symlink included, has the name
    Replace, // truncates a regular file of that name or creates one; never a symlink
    Append, // appends to a regular file of that name or creates one; never a symlink
};

// What the connector promised the outside world; recorded for the harness, nothing on disk.
enum class Acknowledgement {
    // A POP3 server confirmed QUIT after these DELEs: `items` are "UIDL spool-name" pairs.
    ServerDeleted,
    // The local server accepted the message `subject` for the recipients in `items`.
    LocalServerAccepted,
};
void acknowledge(Acknowledgement what, const QString &subject, const QStringList &items);

// One operation, as the observer sees it.
struct Operation
{
    enum class Kind {
        Open, // `file` opened at `path`: `mode`, and `size` bytes it already held
        Write, // `data` appended to `file`
        Truncate, // `file` cut to `size`
        SyncFile,
        Close,
        SyncFileSystem,
        SyncDirectory,
        Rename, // `path` to `target`
        Exchange, // `path` and `target` swap their files
        Remove,
        MakeDirectory,
        Acknowledge, // `ack`, `path` the subject, `items`
    };
    Kind kind = Kind::Write;
    quint64 file = 0;
    QString path;
    QString target;
    OpenMode mode = OpenMode::CreateNew;
    qint64 size = 0;
    QByteArray data;
    Acknowledgement ack = Acknowledgement::ServerDeleted;
    QStringList items;
};

// Sees every operation of every thread, one at a time, in the order they reach the file
// system. A test seam: production runs without one.
class Observer
{
public:
    virtual ~Observer() = default;
    // Before the operation: an error here is returned instead of doing it (fault injection).
    virtual Status intercept(const Operation &) { return {}; }
    // After the operation succeeded.
    virtual void completed(const Operation &operation) = 0;
};
// Installs `observer` (nullptr: none). Not thread-safe against running operations: set it
// while nothing writes.
void setObserver(Observer *observer);

// One operation passing the observer (used by the durable layer itself): while an observer is
// installed, operations of all threads are serialised, so that the order it records is the
// order the file system saw.
class Recording
{
public:
    template<typename MakeOperation>
    explicit Recording(MakeOperation make)
        : m_observer(currentObserver())
    {
        if (m_observer) {
            m_lock = std::unique_lock<std::mutex>(observerMutex());
            m_operation = make();
        }
    }
    Status intercept() { return m_observer ? m_observer->intercept(m_operation) : Status {}; }
    void completed()
    {
        if (m_observer)
            m_observer->completed(m_operation);
    }
    // Null without an observer: nothing to fill in.
    Operation *operation() { return m_observer ? &m_operation : nullptr; }

private:
    static Observer *currentObserver();
    static std::mutex &observerMutex();

    Observer *m_observer;
    std::unique_lock<std::mutex> m_lock;
    Operation m_operation;
};

} // namespace DurableFs
} // namespace Pop3Connector
