package dev.channelhub.events;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** DNS for webhook targets: one lookup per delivery, whose answer is both checked and connected to. Blocks. */
@ApplicationScoped
public class HostResolver {

    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
