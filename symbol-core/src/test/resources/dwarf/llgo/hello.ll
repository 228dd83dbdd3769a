; An LLGo-shaped module: Go source files, DWARF from LLVM.
source_filename = "hello.go"
target triple = "x86_64-pc-linux-gnu"

define i64 @main.add(i64 %a, i64 %b) !dbg !10 {
entry:
  %s = add i64 %a, %b, !dbg !13
  %t = mul i64 %s, 3, !dbg !14
  %u = call i64 @runtime.check(i64 %t), !dbg !15
  ret i64 %u, !dbg !16
}

define i64 @runtime.check(i64 %v) !dbg !30 {
entry:
  %c = icmp slt i64 %v, 0, !dbg !31
  br i1 %c, label %neg, label %pos, !dbg !31
neg:
  %n = sub i64 0, %v, !dbg !32
  ret i64 %n, !dbg !32
pos:
  ret i64 %v, !dbg !33
}

define i32 @main(i32 %argc) !dbg !20 {
entry:
  %x = sext i32 %argc to i64, !dbg !21
  %r = call i64 @main.add(i64 %x, i64 5), !dbg !22
  %y = trunc i64 %r to i32, !dbg !23
  ret i32 %y, !dbg !24
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_Go, file: !1, producer: "LLGo", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "hello.go", directory: "/home/dev/llgo/example", checksumkind: CSK_MD5, checksum: "0123456789abcdef0123456789abcdef")
!2 = !{i32 7, !"Dwarf Version", i32 @VERSION@}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !DISubroutineType(types: !{})
!5 = !DIFile(filename: "runtime/panic.go", directory: "/home/dev/llgo", checksumkind: CSK_MD5, checksum: "fedcba9876543210fedcba9876543210")
!10 = distinct !DISubprogram(name: "main.add", scope: !1, file: !1, line: 5, type: !4, scopeLine: 5, spFlags: DISPFlagDefinition, unit: !0)
!13 = !DILocation(line: 6, column: 7, scope: !10)
!14 = !DILocation(line: 7, column: 9, scope: !10)
!15 = !DILocation(line: 8, column: 2, scope: !10)
!16 = !DILocation(line: 9, column: 2, scope: !10)
!20 = distinct !DISubprogram(name: "main", scope: !1, file: !1, line: 12, type: !4, scopeLine: 12, spFlags: DISPFlagDefinition, unit: !0)
!21 = !DILocation(line: 13, column: 7, scope: !20)
!22 = !DILocation(line: 14, column: 7, scope: !20)
!23 = !DILocation(line: 15, column: 9, scope: !20)
!24 = !DILocation(line: 16, column: 2, scope: !20)
!30 = distinct !DISubprogram(name: "runtime.check", scope: !5, file: !5, line: 40, type: !4, scopeLine: 40, spFlags: DISPFlagDefinition, unit: !0)
!31 = !DILocation(line: 41, column: 5, scope: !30)
!32 = !DILocation(line: 42, column: 3, scope: !30)
!33 = !DILocation(line: 44, column: 2, scope: !30)
