#include "base/durablefs.h"

#include "base/parallel.h"
#include "base/posixfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Pop3Connector::DurableFs {

using namespace Posix;

namespace {

// What failed, for systemError(); translated there.
const char *const kCannotCreate = QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot create");
const char *const kCannotOpen = QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot open");
const char *const kCannotProtect = QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot protect");
const char *const kCannotRead = QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot read");
const char *const kCannotRemove = QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot remove");
const char *const kCannotRename = QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot rename");
const char *const kCannotSync = QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot sync");
const char *const kCannotWrite = QT_TRANSLATE_NOOP("Pop3Connector::DurableFs", "cannot write");

constexpr mode_t kFileMode = 0600;
constexpr mode_t kDirectoryMode = 0700;
constexpr qint64 kCopyChunk = 256 * 1024;

std::atomic<quint64> g_nextFileId {0};

Operation makeOperation(Operation::Kind kind, const QString &path, const QString &target = {})
{
    Operation op;
    op.kind = kind;
    op.path = path;
    op.target = target;
    return op;
}

Status syncFolder(const QString &path, bool wholeFileSystem)
{
    Recording rec([&] {
        return makeOperation(
            wholeFileSystem ? Operation::Kind::SyncFileSystem : Operation::Kind::SyncDirectory,
            path);
    });
    if (Status s = rec.intercept(); !s)
        return s;
    const Descriptor fd(retryOpen(native(path), O_RDONLY | O_DIRECTORY));
    if (fd.get() < 0)
        return systemError(errno, kCannotOpen, path);
#if defined(__linux__)
    const int rc = wholeFileSystem ? ::syncfs(fd.get()) : ::fsync(fd.get());
#else
    // No per-file-system call elsewhere; sync(2) waits for the writes on BSD and macOS too.
    const int rc = wholeFileSystem ? (::sync(), 0) : ::fsync(fd.get());
#endif
    if (rc != 0)
        return systemError(errno, kCannotSync, path);
    rec.completed();
    return {};
}

} // namespace

File::File(int fd, QString path, qint64 size, quint64 id)
    : m_fd(fd)
    , m_path(std::move(path))
    , m_size(size)
    , m_id(id)
{ }

File::~File()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

File::File(File &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_path(std::move(other.m_path))
    , m_size(other.m_size)
    , m_id(other.m_id)
{ }

File &File::operator=(File &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
        m_size = other.m_size;
        m_id = other.m_id;
    }
    return *this;
}

Result<File> File::open(const QString &path, Mode mode)
{
    const quint64 id = ++g_nextFileId;
    Recording rec([&] {
        Operation op = makeOperation(Operation::Kind::Open, path);
        op.file = id;
        op.mode = mode;
        return op;
    });
    if (Status s = rec.intercept(); !s)
        return s.error();
    // O_NOFOLLOW everywhere: a symlink planted in a spool folder is never written through.
    // O_NONBLOCK only so that a FIFO planted under the name cannot block the open.
    int flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK;
    switch (mode) {
    case Mode::CreateNew:
        flags |= O_EXCL;
        break;
    case Mode::Replace:
        flags |= O_TRUNC;
        break;
    case Mode::Append:
        flags |= O_APPEND;
        break;
    }
    Descriptor fd(retryOpen(native(path), flags, kFileMode));
    if (fd.get() < 0)
        return systemError(errno, mode == Mode::CreateNew ? kCannotCreate : kCannotOpen, path);
    struct stat st
    {
    };
    if (::fstat(fd.get(), &st) != 0)
        return systemError(errno, kCannotOpen, path);
    if (!S_ISREG(st.st_mode)) {
        return notRegular(path);
    }
    // A file that existed with wider permissions (an older version, a restored backup) is made
    // private before anything is written to it.
    if ((st.st_mode & 07777) != kFileMode && ::fchmod(fd.get(), kFileMode) != 0)
        return systemError(errno, kCannotProtect, path);
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    const qint64 size = mode == Mode::Append ? qint64(st.st_size) : 0;
    if (Operation *op = rec.operation())
        op->size = size;
    rec.completed();
    return File(fd.release(), path, size, id);
}

Status File::write(QByteArrayView bytes)
{
    Q_ASSERT(m_fd >= 0);
    Recording rec([&] {
        Operation op = makeOperation(Operation::Kind::Write, m_path);
        op.file = m_id;
        return op;
    });
    if (Status s = rec.intercept(); !s)
        return s;
    const char *data = bytes.data();
    qint64 left = bytes.size();
    int error = 0;
    while (left > 0) {
        const ssize_t n = ::write(m_fd, data, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error = errno;
            break;
        }
        if (n == 0) {
            error = ENOSPC; // write(2) that makes no progress: the device takes nothing more
            break;
        }
        data += n;
        left -= n;
    }
    const qint64 written = bytes.size() - left;
    m_size += written;
    // What reached the file, also when only a part did.
    if (Operation *op = rec.operation(); op && written > 0) {
        op->data = bytes.first(written).toByteArray();
        rec.completed();
    }
    if (error != 0)
        return systemError(error, kCannotWrite, m_path);
    return {};
}

Result<qint64> File::copyFrom(const QString &source, qint64 offset)
{
    const Result<int> in = openForReading(source);
    if (!in)
        return in.error();
    const Descriptor fd(*in);
    if (offset > 0 && ::lseek(fd.get(), offset, SEEK_SET) != offset)
        return systemError(errno, kCannotRead, source);
    QByteArray chunk(kCopyChunk, Qt::Uninitialized);
    qint64 copied = 0;
    for (;;) {
        const ssize_t n = ::read(fd.get(), chunk.data(), size_t(chunk.size()));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return systemError(errno, kCannotRead, source);
        }
        if (n == 0)
            return copied;
        if (Status s = write(QByteArrayView(chunk).first(n)); !s)
            return s.error();
        copied += n;
    }
}

Status File::truncate(qint64 size)
{
    Q_ASSERT(m_fd >= 0);
    Recording rec([&] {
        Operation op = makeOperation(Operation::Kind::Truncate, m_path);
        op.file = m_id;
        op.size = size;
        return op;
    });
    if (Status s = rec.intercept(); !s)
        return s;
    int rc;
    do {
        rc = ::ftruncate(m_fd, size);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0)
        return systemError(errno, kCannotWrite, m_path);
    m_size = size;
    rec.completed();
    return {};
}

Status File::sync()
{
    Q_ASSERT(m_fd >= 0);
    Recording rec([&] {
        Operation op = makeOperation(Operation::Kind::SyncFile, m_path);
        op.file = m_id;
        return op;
    });
    if (Status s = rec.intercept(); !s)
        return s;
#if defined(__linux__)
    const int rc = ::fdatasync(m_fd);
#else
    const int rc = ::fsync(m_fd);
#endif
    if (rc != 0)
        return systemError(errno, kCannotSync, m_path);
    rec.completed();
    return {};
}

Status File::close()
{
    if (m_fd < 0)
        return {};
    Recording rec([&] {
        Operation op = makeOperation(Operation::Kind::Close, m_path);
        op.file = m_id;
        return op;
    });
    if (Status s = rec.intercept(); !s) {
        ::close(std::exchange(m_fd, -1));
        return s;
    }
    // Linux releases the descriptor even when close fails, EINTR included: never retry.
    if (::close(std::exchange(m_fd, -1)) != 0 && errno != EINTR)
        return systemError(errno, kCannotWrite, m_path);
    rec.completed();
    return {};
}

Status syncFileSystem(const QString &path)
{
    return syncFolder(path, true);
}

Status syncDirectory(const QString &path)
{
    return syncFolder(path, false);
}

Status syncFile(const QString &path)
{
    Recording rec([&] { return makeOperation(Operation::Kind::SyncFile, path); });
    if (Status s = rec.intercept(); !s)
        return s;
    const Descriptor fd(retryOpen(native(path), O_RDONLY | O_NOFOLLOW));
    if (fd.get() < 0)
        return systemError(errno, kCannotOpen, path);
#if defined(__linux__)
    const int rc = ::fdatasync(fd.get());
#else
    const int rc = ::fsync(fd.get());
#endif
    if (rc != 0)
        return systemError(errno, kCannotSync, path);
    rec.completed();
    return {};
}

Status syncFiles(const QString &folder, const QStringList &files, qint64 bytes)
{
    if (syncStrategyFor(files.size(), bytes) == SyncStrategy::FileSystem)
        return syncFileSystem(folder);
    // Each fdatasync waits for its own flush; from 8 threads the waits overlap and ext4 joins
    // them into fewer journal commits.
    if (Status synced = forEachInParallel(
            files.size(), 8, [&files](qsizetype i) { return syncFile(files[i]); });
        !synced)
        return synced;
    return syncDirectory(folder);
}

Status exchange(const QString &a, const QString &b)
{
    Recording rec([&] { return makeOperation(Operation::Kind::Exchange, a, b); });
    if (Status s = rec.intercept(); !s)
        return s;
    if (::renameat2(
            AT_FDCWD, native(a).constData(), AT_FDCWD, native(b).constData(), RENAME_EXCHANGE)
        != 0)
        return systemError(errno, kCannotRename, a);
    rec.completed();
    return {};
}

Status rename(const QString &from, const QString &to)
{
    Recording rec([&] { return makeOperation(Operation::Kind::Rename, from, to); });
    if (Status s = rec.intercept(); !s)
        return s;
    if (std::rename(native(from).constData(), native(to).constData()) != 0)
        return systemError(errno, kCannotRename, from);
    rec.completed();
    return {};
}

Status remove(const QString &path)
{
    Recording rec([&] { return makeOperation(Operation::Kind::Remove, path); });
    if (Status s = rec.intercept(); !s)
        return s;
    if (::unlink(native(path).constData()) != 0) {
        if (errno == ENOENT)
            return {};
        return systemError(errno, kCannotRemove, path);
    }
    rec.completed();
    return {};
}

void discard(const QString &path)
{
    if (Status s = remove(path); !s)
        qDebug("scratch file not removed: %s", qPrintable(s.error().message));
}

Status makeDirectory(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    struct stat st
    {
    };
    if (::stat(native(absolute).constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return {};
        return Error {ErrorCode::AlreadyExists,
            QCoreApplication::translate("Pop3Connector::DurableFs", "%1 exists and is not a folder")
                .arg(absolute)};
    }
    const QString parent = QFileInfo(absolute).absolutePath();
    if (parent != absolute) {
        if (Status s = makeDirectory(parent); !s)
            return s;
    }
    {
        Recording rec([&] { return makeOperation(Operation::Kind::MakeDirectory, absolute); });
        if (Status s = rec.intercept(); !s)
            return s;
        if (::mkdir(native(absolute).constData(), kDirectoryMode) != 0) {
            if (errno == EEXIST)
                return {}; // made by someone else meanwhile
            return systemError(errno, kCannotCreate, absolute);
        }
        rec.completed();
    }
    // The new folder's own entry must survive a power cut, or so would nothing put in it.
    return syncDirectory(parent);
}

Status writeAtomically(const QString &path, QByteArrayView bytes, const QString &scratch)
{
    // One writer per file at a time (each file has one owner), so a fixed scratch name
    // serves; a leftover of a crash is simply replaced.
    const QString temporary = scratch.isEmpty() ? path + QStringLiteral(".new") : scratch;
    if (Status s = remove(temporary); !s)
        return s;
    Result<File> file = File::open(temporary, File::Mode::CreateNew);
    if (!file)
        return file.error();
    Status s = file.value().write(bytes);
    if (s)
        s = file.value().sync();
    if (s)
        s = file.value().close();
    if (s)
        s = rename(temporary, path);
    if (!s) {
        discard(temporary);
        return s;
    }
    return syncDirectory(QFileInfo(path).absolutePath());
}

} // namespace Pop3Connector::DurableFs
