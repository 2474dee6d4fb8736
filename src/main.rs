//! The `bulwark` binary: parses the command line, then runs a subcommand or
//! opens the app.

use clap::Parser as _;

use bulwark::cli::{self, Cli};

/// mimalloc instead of the system allocator: egui builds each frame's meshes
/// afresh, and glibc's malloc handed the large map mesh's memory back to the
/// system after every frame and page-faulted it in again on the next one, which
/// doubled the frame time (docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let args = Cli::parse();
    if let Some(command) = &args.command {
        let code = cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
        return std::process::ExitCode::from(code as u8);
    }
    if no_display() {
        eprintln!(
            "bulwark: there is no display to open a window on (neither DISPLAY nor \
             WAYLAND_DISPLAY is set). The subcommands work without one: bulwark --help"
        );
        return std::process::ExitCode::FAILURE;
    }
    match bulwark::ui::run_native(args.file, args.exit_after_first_frame) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bulwark: could not open a window: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Whether a Linux or BSD desktop has no display server to connect to (other
/// systems always have one).
fn no_display() -> bool {
    let unix_desktop = cfg!(all(unix, not(target_os = "macos"), not(target_os = "ios")));
    unix_desktop
        && ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
            .iter()
            .all(|v| std::env::var_os(v).is_none_or(|s| s.is_empty()))
}
