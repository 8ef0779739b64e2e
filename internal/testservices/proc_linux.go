package testservices

import (
	"os/exec"
	"runtime"
	"syscall"
)

func sysProcAttr() *syscall.SysProcAttr {
	// Pdeathsig kills the service when the thread that started it dies, i.e. when the test
	// binary is killed (a timeout, ^C): no redis-server or versitygw is left behind.
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// startCmd starts cmd. Pdeathsig is tied to the OS thread that forked, not the process; the
// Go runtime keeps its threads alive (it retires one only when a goroutine exits while locked
// to it), and the fork happens with the goroutine locked so it cannot migrate mid-start.
func startCmd(cmd *exec.Cmd) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	return cmd.Start()
}

func signalGroup(cmd *exec.Cmd, kill bool) {
	sig := syscall.SIGTERM
	if kill {
		sig = syscall.SIGKILL
	}
	_ = syscall.Kill(-cmd.Process.Pid, sig)
}
