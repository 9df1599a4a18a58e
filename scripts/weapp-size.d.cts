export interface PackageSizes {
  mainPackage: number;
  subPackages: Record<string, number>;
  total: number;
  fileCount: number;
  largestMainFiles: Array<{ path: string; size: number }>;
}

export function measurePackages(buildDir: string): PackageSizes;
