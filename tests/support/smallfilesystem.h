#pragma once

#include <QString>
#include <QTemporaryDir>

// A tmpfs of a few megabytes mounted for one test (root only), and a filler file that leaves
// a chosen number of bytes free: the full disk that every write of the connector must survive.
// Or an ext4 on a loop device, with or without a journal: the disks an office server has.
class SmallFileSystem
{
public:
    enum class Kind { Tmpfs, Ext4, Ext4WithoutJournal };

    // Mounted on a folder of its own, or on `mountPoint` (an existing folder) when one is given.
    explicit SmallFileSystem(
        qint64 bytes, Kind kind = Kind::Tmpfs, const QString &mountPoint = QString());
    ~SmallFileSystem();
    SmallFileSystem(const SmallFileSystem &) = delete;
    SmallFileSystem &operator=(const SmallFileSystem &) = delete;

    // Empty when mounted, else why not (not root, no mount(8)).
    QString error() const { return m_error; }
    QString path() const { return m_mount; }
    qint64 freeBytes() const;
    // Fills the file system until about `leave` bytes (rounded to pages) are free.
    QString fill(qint64 leave);
    // Removes the filler.
    void release();

private:
    QTemporaryDir m_dir;
    QString m_mount;
    QString m_error;
};
