#pragma once

#include <QString>
#include <QTemporaryDir>

// A tmpfs of a few megabytes mounted for one test (root only), and a filler file that leaves
// a chosen number of bytes free: the full disk that every write of the connector must survive.
class SmallFileSystem
{
public:
    explicit SmallFileSystem(qint64 bytes);
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
