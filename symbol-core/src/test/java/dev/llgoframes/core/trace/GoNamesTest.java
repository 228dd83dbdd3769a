package dev.llgoframes.core.trace;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class GoNamesTest {

    @Test
    void machineryIsTheRuntimesOwnPrefixInEitherModuleSpelling() {
        assertTrue(GoNames.isLlgoMachinery("github.com/xgo-dev/llgo/runtime/internal/runtime.Panic"));
        assertTrue(GoNames.isLlgoMachinery("github.com/goplus/llgo/runtime/internal/runtime.PanicIndex"));
        assertTrue(GoNames.isLlgoMachinery("github.com/goplus/llgo/internal/runtime.Rethrow")); // §9.4 sample
        assertTrue(GoNames.isLlgoMachinery("runtime.capturePanicPCs"));
        // other LLGo packages are user-visible code in both spellings (§8.5's RTPREFIX)
        assertFalse(GoNames.isLlgoMachinery("github.com/goplus/llgo/runtime/abi.(*UncommonType).Methods"));
        assertFalse(GoNames.isLlgoMachinery("github.com/xgo-dev/llgo/runtime/abi.(*UncommonType).Methods"));
        assertFalse(GoNames.isLlgoMachinery("github.com/goplus/llgo/c/os.Getenv"));
        assertFalse(GoNames.isLlgoMachinery(null));
    }

    @Test
    void closuresInGcScheme() {
        assertEquals("main.main.func1", GoNames.gcName("main.main.func1"));      // LLGo already rewrote the only $N
        assertEquals("main.main.func1.1", GoNames.gcName("main.main$1.func1")); // spec §2.2 / §9.8
        assertEquals("main.main.func1.2.3", GoNames.gcName("main.main$1$2.func3"));
        assertEquals("main.main.func2", GoNames.gcName("main.main$2"));          // raw symbol
        assertEquals("main.(*T).M.func1.1", GoNames.gcName("main.(*T).M$1.func1"));
        assertEquals("main.T.M-fm", GoNames.gcName("main.T.M$bound"));
        assertEquals("plain.f$x", GoNames.gcName("plain.f$x"));
    }

    @Test
    void initFunctions() {
        assertEquals("example.com/foo.init.0", GoNames.gcName("example.com/foo.init#1"));
        assertEquals("main.init.2", GoNames.gcName("main.init#3"));
        assertEquals("main.init.0.func1", GoNames.gcName("main.init#1$1"));
        assertEquals("main.init", GoNames.gcName("main.init"));
        assertEquals("main.glob..func1", GoNames.gcName("main.init.func1")); // package-level literal
        assertEquals("main.glob..func2.1", GoNames.gcName("main.init$2.func1"));
    }

    @Test
    void typeArguments() {
        assertEquals("main.genericFunc[...]", GoNames.gcName("main.genericFunc[string]"));
        assertEquals("main.(*MyStruct[...]).Method", GoNames.gcName("main.(*MyStruct[string]).Method"));
        assertEquals("main.F[...]", GoNames.gcName("main.F[map[string]int,example.com/x.T]"));
        assertEquals("main.F[...].func1", GoNames.gcName("main.F[int]$1"));
    }

    @Test
    void untouched() {
        for (String n : new String[] {"cexc_segv", "main", "(null)", "pc=0x28f471", "runtime/debug.Stack",
                "main._llgo_routine$1".replace("$1", "")}) {
            assertEquals(n, GoNames.gcName(n));
        }
    }

    @Test
    void kinds() {
        assertEquals(FrameKind.C, GoNames.kindOf("cexc_segv"));
        assertEquals(FrameKind.C, GoNames.kindOf("pc=0x1"));
        assertEquals(FrameKind.RUNTIME, GoNames.kindOf("github.com/xgo-dev/llgo/runtime/internal/runtime.Panic"));
        assertEquals(FrameKind.RUNTIME, GoNames.kindOf("runtime.main"));
        assertEquals(FrameKind.GO, GoNames.kindOf("runtime/debug.Stack"));
        assertEquals(FrameKind.PANIC, GoNames.kindOf("panic"));
    }
}
