#pragma once

#include "base/durableobserver.h"
#include "base/posixfile.h"
#include "base/result.h"
#include "base/syncpolicy.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Pop3Connector {

// The one layer through which the connector changes the spool (docs/design.md "Durability").
// Every write, close, sync, rename and removal is checked and its failure returned with a code
// (a full disk is told apart from a permission problem); files are created private to the
// service user (0600, folders 0700) and never through a symbolic link. Each operation also
// passes an optional observer, process-wide, through which tests record the exact order of
// what reached the file system (the crash-consistency harness) or make one operation fail.
namespace DurableFs {

// A file being written. Move-only; destroying an open File closes it without a check (an
// abandoned file): call close() on every path whose result matters.
class File
{
public:
    using Mode = OpenMode;

    File() = default;
    ~File();
    File(File &&other) noexcept;
    File &operator=(File &&other) noexcept;
    File(const File &) = delete;
    File &operator=(const File &) = delete;

    [[nodiscard]] static Result<File> open(const QString &path, Mode mode);

    // Writes every byte (short writes continued); on failure the bytes written so far are in
    // the file, and size() tells how many.
    [[nodiscard]] Status write(QByteArrayView bytes);
    // Appends the bytes of `source` from `offset` on; returns how many were copied. The source
    // is opened like openForReading().
    [[nodiscard]] Result<qint64> copyFrom(const QString &source, qint64 offset = 0);
    // Gives back the bytes written since `size` (an append that failed half-way), so that the
    // next append starts on a whole line.
    [[nodiscard]] Status truncate(qint64 size);
    // fdatasync: this file's data, and its size, are on disk.
    [[nodiscard]] Status sync();
    // close(2), checked: NFS and some file systems report a failed write only here.
    [[nodiscard]] Status close();

    bool isOpen() const { return m_fd >= 0; }
    QString path() const { return m_path; }
    // Bytes in the file: what it held when opened (Append) plus what was written since.
    qint64 size() const { return m_size; }
    quint64 id() const { return m_id; }

private:
    File(int fd, QString path, qint64 size, quint64 id);

    int m_fd = -1;
    QString m_path;
    qint64 m_size = 0;
    quint64 m_id = 0;
};

// Makes the data and metadata of every file written so far on the file system holding `path`
// durable: one syncfs() on Linux, which costs the same for one file or a thousand, so batches
// of messages are made durable together (group commit).
[[nodiscard]] Status syncFileSystem(const QString &path);
// Makes the data of `files` (new files in `folder`, `bytes` in all) and their entries in
// `folder` durable, whichever way costs least now (syncStrategyFor()): one syncFileSystem(), or
// syncFile() of each on several threads and then syncDirectory(folder).
[[nodiscard]] Status syncFiles(const QString &folder, const QStringList &files, qint64 bytes);
// fdatasync of a file that is already closed: its data and size are on disk.
[[nodiscard]] Status syncFile(const QString &path);
// Makes the entries of a folder (files created, renamed into or removed from it) durable.
[[nodiscard]] Status syncDirectory(const QString &path);
// rename(2): atomic within one file system, replacing `to` if it exists.
[[nodiscard]] Status rename(const QString &from, const QString &to);
// renameat2(RENAME_EXCHANGE): the two files swap names at once; fails (NotFound) when either
// is gone, so that a file another program took is never put back.
[[nodiscard]] Status exchange(const QString &a, const QString &b);
// unlink(2). A file that is already gone is not an error (removal is idempotent).
[[nodiscard]] Status remove(const QString &path);
// Removes a scratch file left by a step that failed, whose removal matters to nobody: a failure
// is not reported (the first error is the one that matters), and the spool's recovery or the
// next attempt removes what stays.
void discard(const QString &path);
// Creates `path` and its missing parents, each new one 0700 and made durable in its parent.
[[nodiscard]] Status makeDirectory(const QString &path);
// Writes `bytes` to `path` so that a crash leaves the old content or the new, whole: a
// scratch file (by default `path` + ".new"; on the same file system) written, synced, closed,
// renamed over `path`, and the folder synced.
[[nodiscard]] Status writeAtomically(
    const QString &path, QByteArrayView bytes, const QString &scratch = {});

// Opens a spool file for reading: O_NOFOLLOW, and it must be a regular file (a symlink or a
// device planted in a spool folder is refused, never read). Returns the descriptor, which the
// caller closes.
[[nodiscard]] Result<int> openForReading(const QString &path);
// Reads a whole regular file of at most `maxBytes`.
[[nodiscard]] Result<QByteArray> readFile(const QString &path, qint64 maxBytes);
// Reads the first `maxBytes` of a regular file (all of it when it is shorter).
[[nodiscard]] Result<QByteArray> readHead(const QString &path, qint64 maxBytes);
// The size of a regular file (lstat): what a writer verifies before it removes an original.
[[nodiscard]] Result<qint64> regularFileSize(const QString &path);

// Ok when `path` is a regular file of exactly `expected` bytes (ShortWrite otherwise): what a
// writer checks before it removes an original.
[[nodiscard]] Status verifySize(const QString &path, qint64 expected);

} // namespace DurableFs
} // namespace Pop3Connector
