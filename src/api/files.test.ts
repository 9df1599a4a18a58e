import { extensionOf, fileUrl, randomName, uploadCloudPath, uploadName } from './files';

describe('where a mini-program upload goes', () => {
  // 2025-01-31 17:00 UTC is already February 1st in China.
  const lateJanuaryUtc = Date.UTC(2025, 0, 31, 17, 0);

  test('uploads/<yyyy-mm>/<name>.<ext>, the month in China time', () => {
    expect(uploadCloudPath('wxfile://tmp_abc.JPG', lateJanuaryUtc, 'n1')).toBe('uploads/2025-02/n1.jpg');
    expect(uploadCloudPath('http://tmp/wx9.png', Date.UTC(2025, 5, 1), 'n2')).toBe('uploads/2025-06/n2.png');
  });

  test('the extension comes from the path only, and is bin when there is none', () => {
    expect(extensionOf('http://tmp/photo.webp?x=1')).toBe('webp');
    expect(extensionOf('wxfile://tmp_abc')).toBe('bin');
    expect(extensionOf('wxfile://dir.d/tmp_abc')).toBe('bin');
  });

  test('each name is new: the time and 64 random bits', () => {
    expect(randomName(0, () => 0)).toBe('0-0000000000000000');
    expect(randomName(36 ** 3, () => 0.999_999_999_9)).toBe('1000-ffffffffffffffff');
    const names = new Set(Array.from({ length: 1000 }, () => randomName(1)));
    expect(names.size).toBe(1000);
    expect(uploadCloudPath('a.png')).toMatch(/^uploads\/\d{4}-\d{2}\/[0-9a-z]+-[0-9a-f]{16}\.png$/);
  });
});

describe('the browser build’s file addresses', () => {
  test('a file is read from /api/file with its id encoded', () => {
    expect(fileUrl('cloud://env-1.7265-env-1/uploads/2025-02/a b.png')).toBe(
      '/api/file?id=cloud%3A%2F%2Fenv-1.7265-env-1%2Fuploads%2F2025-02%2Fa%20b.png',
    );
  });

  test('an uploaded image’s part is named by its type', () => {
    expect(uploadName('image/png')).toBe('upload.png');
    expect(uploadName('image/jpeg')).toBe('upload.jpg');
    expect(uploadName('text/plain')).toBe('upload.bin');
  });
});
