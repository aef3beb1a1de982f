#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

namespace Pop3Connector {

// Only one connector works on a spool at a time (DESIGN.md): two could both retrieve a message
// before either records it. The lock is a file under state/; a lock left by a process that no
// longer runs is taken over.
class SpoolLock
{
public:
    explicit SpoolLock(const QString &spoolRoot);

    // Returns an empty string, or which process holds the lock and what to do.
    [[nodiscard]] QString acquire();
    void release();
    bool isHeld() const;

private:
    QString protect();

    QString m_root;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Pop3Connector
